"""Cases and expected outputs as JSON: arrays, tuples and dicts survive a round trip exactly.

JSON keeps the data readable and diffable in git; float64 values are written
with ``repr`` precision, so decoding gives back the very same numbers.
"""
import json

import numpy as np


def encode(value):
    if isinstance(value, np.ndarray):
        return {"__ndarray__": value.tolist(), "dtype": str(value.dtype), "shape": list(value.shape)}
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, np.generic):
        return value.item()
    return value


def decode(value):
    if isinstance(value, dict):
        if "__ndarray__" in value:
            return np.array(value["__ndarray__"], dtype=value["dtype"]).reshape(value["shape"])
        if "__tuple__" in value:
            return tuple(decode(v) for v in value["__tuple__"])
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def dumps(value):
    return json.dumps(encode(value), indent=1, sort_keys=False) + "\n"


def load(path):
    with open(path, encoding="utf-8") as f:
        return decode(json.load(f))
