"""Generic comparisons: the first thing that differs between expected and got.

A difference is described twice: ``public`` may show the expected value (the
student already sees it in the notebook), ``hidden`` never does.
"""
from dataclasses import dataclass

import numpy as np

RTOL = 1e-6


@dataclass
class Difference:
    public: str
    hidden: str


def _same(text):
    return Difference(text, text)


def _kind(value):
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if value is None:
        return "None"
    return f"a {type(value).__name__}"


def _is_number(value):
    return isinstance(value, (int, float, np.number)) and not isinstance(value, bool) or (
        isinstance(value, np.ndarray) and value.ndim == 0)


def _at(idx):
    idx = tuple(idx)
    return "[" + ", ".join(str(int(i)) for i in idx) + "]" if idx else ""


def _compare_arrays(expected, got, where):
    expected = np.asarray(expected)
    try:
        got_arr = np.asarray(got, dtype=float) if isinstance(got, (list, tuple)) else np.asarray(got)
    except (TypeError, ValueError):
        return _same(f"{where} should be a numpy array of shape {expected.shape}, but it is {_kind(got)}.")
    if got_arr.dtype == bool:      # True/False predictions are as good as 1/0
        got_arr = got_arr.astype(int)
    if expected.ndim == 0:
        if not _is_number(got):
            return _same(f"{where} should be a number (a float or a 0-d array), but it is {_kind(got)}.")
    elif not isinstance(got, np.ndarray):
        return _same(f"{where} should be a numpy array of shape {expected.shape}, but it is {_kind(got)}.")
    elif got.shape != expected.shape:
        return _same(f"{where} has shape {got.shape} but should have shape {expected.shape}.")
    if not np.issubdtype(got_arr.dtype, np.number) or np.issubdtype(got_arr.dtype, np.complexfloating):
        return _same(f"{where} has dtype {got_arr.dtype}; it should hold real numbers ({expected.dtype}).")
    finite = np.isfinite(expected)
    if not np.array_equal(finite, np.isfinite(got_arr)):
        bad = tuple(np.argwhere(finite != np.isfinite(got_arr))[0]) if got_arr.ndim else ()
        return _same(f"{where} contains NaN or inf (first at {_at(bad) or 'the value'}): "
                     f"look for a log of 0 or a division by 0.")
    scale = np.max(np.abs(expected[finite])) if finite.any() else 0.0
    atol = 1e-12 + 1e-7 * scale
    # entries that are not finite in both compare equal when they are the same (NaN, +inf or -inf)
    close = np.isclose(got_arr, expected, rtol=RTOL, atol=atol, equal_nan=True)
    if close.all():
        return None
    err = np.abs(got_arr.astype(float) - expected)
    worst = np.unravel_index(np.argmax(err), err.shape) if err.ndim else ()
    first = tuple(np.argwhere(~close)[0]) if close.ndim else ()
    hidden = f"{where} has wrong values (max error {err[worst]:.3g}{' at ' + _at(worst) if worst else ''})."
    public = (f"{where} has wrong values: at {_at(first) or 'the value'} expected {float(expected[first]):.8g}"
              f" but got {float(got_arr[first]):.8g} (max error {err[worst]:.3g}).")
    return Difference(public, hidden)


def first_difference(expected, got, where="the output"):
    """None when ``got`` matches ``expected``, else a Difference naming the first mismatch."""
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return _same(f"{where} should be a dict, but it is {_kind(got)}.")
        missing = [k for k in expected if k not in got]
        if missing:
            return _same(f"{where} is missing the key(s) {', '.join(map(repr, missing))}"
                         f" (it has {', '.join(map(repr, got)) or 'no keys'}).")
        extra = [k for k in got if k not in expected]
        if extra:
            return _same(f"{where} has unexpected key(s) {', '.join(map(repr, extra))}.")
        for key in expected:
            diff = first_difference(expected[key], got[key], f"{where}[{key!r}]")
            if diff:
                return diff
        return None
    if isinstance(expected, (tuple, list)):
        if not isinstance(got, (tuple, list)):
            return _same(f"{where} should be a {type(expected).__name__} of {len(expected)} items, "
                         f"but it is {_kind(got)}.")
        if len(got) != len(expected):
            return _same(f"{where} should have {len(expected)} items, but it has {len(got)}.")
        for i, (e, g) in enumerate(zip(expected, got)):
            diff = first_difference(e, g, f"{where}[{i}]")
            if diff:
                return diff
        return None
    if isinstance(expected, str):
        return None if got == expected else _same(f"{where} should be {expected!r}, but it is {got!r}.")
    return _compare_arrays(expected, got, where)


def identical(a, b):
    """Exactly equal, structure and bits: used to prove inputs were left unmodified."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(identical(a[k], b[k]) for k in a)
    if isinstance(a, (tuple, list)):
        return isinstance(b, (tuple, list)) and len(a) == len(b) and all(map(identical, a, b))
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    return a == b
