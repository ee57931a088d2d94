"""Messages between the grader and its sandbox: data only, never code.

A message is a JSON header plus raw array buffers, framed by lengths::

    u64 total | u32 header length | header (JSON) | buffer 0 | buffer 1 | ...

Arrays, NumPy scalars, tuples and dicts with any keys survive a round trip
exactly. ``encode`` runs in the sandbox on whatever a student's function
returned, so it never raises: what it cannot carry becomes an ``Opaque``
placeholder named after the value's type. ``decode`` runs in the trusted
grader and accepts nothing but numbers, strings, containers and plain numeric
arrays: no pickle, no object arrays.
"""
import builtins
import json
import os
import select
import struct
import time

import numpy as np

# The sandbox's code may replace builtins; keep the originals for our own use.
_isinstance, _len, _type, _str = builtins.isinstance, builtins.len, builtins.type, builtins.str

MAX_DEPTH = 40
MAX_BYTES = 1 << 30            # one message, all buffers together
NUMERIC = "biufc"              # bool, int, uint, float, complex


class ProtocolError(Exception):
    """The other side sent something that is not a well-formed message."""


class Opaque:
    """Stands for a value the sandbox could not send (a function, a set, a custom object)."""


_opaque_types = {}


def opaque(type_name):
    """An instance of a class named like the student's type, so messages can say "it is a set"."""
    name = _str(type_name)[:80]
    if name not in _opaque_types:
        _opaque_types[name] = _type(name, (Opaque,), {"__repr__": lambda self, n=name: f"<{n}>"})
    return _opaque_types[name]()


def encode(value, buffers, depth=0):
    """JSON-able form of ``value``; array data goes to ``buffers``."""
    if depth > MAX_DEPTH:
        return {"__opaque__": "deeply nested value"}
    if value is None or _type(value) in (bool, int, float, str):
        return value
    if _isinstance(value, (np.ndarray, np.generic)):
        array = np.asarray(value)
        if array.dtype.kind not in NUMERIC or array.dtype.hasobject:
            return {"__opaque__": f"array of dtype {array.dtype}"}
        buffers.append(np.ascontiguousarray(array).tobytes())
        key = "__ndarray__" if _isinstance(value, np.ndarray) else "__scalar__"
        return {key: _len(buffers) - 1, "dtype": array.dtype.str, "shape": list(array.shape)}
    for plain in (bool, int, float, str):                  # subclasses, e.g. an IntEnum
        if _isinstance(value, plain):
            return plain(value)
    if _isinstance(value, tuple):
        return {"__tuple__": [encode(v, buffers, depth + 1) for v in value]}
    if _isinstance(value, list):
        return [encode(v, buffers, depth + 1) for v in value]
    if _isinstance(value, dict):
        return {"__dict__": [[encode(k, buffers, depth + 1), encode(v, buffers, depth + 1)]
                             for k, v in value.items()]}
    if _isinstance(value, BaseException):
        args = value.args if all(_type(a) in (str, int, float) for a in value.args) else None
        return {"__error__": _type(value).__name__, "message": _str(value)[:2000],
                "args": [a[:2000] if _type(a) is str else a for a in args] if args is not None else None}
    return {"__opaque__": _type(value).__name__}


def rebuild(error):
    """An exception like the one the sandbox sent: a builtin class when there is one, else a
    stand-in class of the same name (so "it raised ValueError: ..." reads the same)."""
    if not _isinstance(error, dict):
        return RuntimeError(_str(error))
    name = _str(error.get("type", "Exception"))
    kind = getattr(builtins, name, None)
    if not (_isinstance(kind, _type) and issubclass(kind, Exception)):
        kind = _error_types.setdefault(name, _type(name, (Exception,), {}))
    try:
        args = error.get("args")
        return kind(*args) if args is not None else kind(_str(error.get("message", "")))
    except Exception:
        return Exception(_str(error.get("message", "")))


_error_types = {}


def _array(header, buffers, scalar):
    dtype = np.dtype(header["dtype"])
    if dtype.kind not in NUMERIC or dtype.hasobject:
        raise ProtocolError(f"refused dtype {dtype}")
    shape = tuple(int(n) for n in header["shape"])
    data = buffers[header["__scalar__" if scalar else "__ndarray__"]]
    if int(np.prod(shape, dtype=np.int64)) * dtype.itemsize != _len(data):
        raise ProtocolError("array size does not match its buffer")
    array = np.frombuffer(data, dtype=dtype).reshape(shape).copy()
    return array[()] if scalar else array


def decode(value, buffers):
    if _isinstance(value, list):
        return [decode(v, buffers) for v in value]
    if not _isinstance(value, dict):
        return value
    if "__ndarray__" in value:
        return _array(value, buffers, scalar=False)
    if "__scalar__" in value:
        return _array(value, buffers, scalar=True)
    if "__tuple__" in value:
        return tuple(decode(v, buffers) for v in value["__tuple__"])
    if "__dict__" in value:
        out = {}
        for k, v in value["__dict__"]:
            key = decode(k, buffers)
            try:
                hash(key)
            except TypeError:
                key = repr(key)
            out[key] = decode(v, buffers)
        return out
    if "__opaque__" in value:
        return opaque(value["__opaque__"])
    if "__error__" in value:
        args = value.get("args")
        return {"type": _str(value["__error__"]), "message": _str(value.get("message", "")),
                "args": [a for a in args if _type(a) in (str, int, float)] if _isinstance(args, list) else None}
    # a plain JSON object: the message envelope itself
    return {k: decode(v, buffers) for k, v in value.items()}


def pack(message):
    buffers = []
    try:
        header = json.dumps(encode(message, buffers)).encode()
    except (ValueError, TypeError, RecursionError) as error:   # e.g. a str with lone surrogates
        buffers = []
        header = json.dumps(encode({"op": "error", "message": f"unsendable: {error}"}, buffers)).encode()
    lengths = struct.pack(f"<{_len(buffers)}Q", *map(_len, buffers))
    body = struct.pack("<II", _len(header), _len(buffers)) + header + lengths + b"".join(buffers)
    return struct.pack("<Q", _len(body)) + body


def unpack(body):
    if _len(body) < 8:
        raise ProtocolError("short message")
    header_len, count = struct.unpack_from("<II", body)
    offset = 8 + header_len
    try:
        header = json.loads(body[8:offset])
        lengths = struct.unpack_from(f"<{count}Q", body, offset)
    except (ValueError, struct.error) as error:
        raise ProtocolError(f"bad header: {error}") from None
    offset += 8 * count
    buffers = []
    for n in lengths:
        buffers.append(body[offset:offset + n])
        offset += n
    if offset != _len(body):
        raise ProtocolError("message length does not add up")
    try:
        return decode(header, buffers)
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise ProtocolError(f"bad message: {error}") from None


def send(fd, message):
    data = memoryview(pack(message))
    while data:
        data = data[os.write(fd, data):]


def _read_exact(fd, n, deadline):
    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += _len(chunk)
    return b"".join(chunks)


def receive(fd, timeout=None):
    """Next message from ``fd``; TimeoutError after ``timeout`` seconds, EOFError when closed."""
    deadline = None if timeout is None else time.monotonic() + timeout
    (size,) = struct.unpack("<Q", _read_exact(fd, 8, deadline))
    if size > MAX_BYTES:
        raise ProtocolError(f"message of {size} bytes is too large")
    return unpack(_read_exact(fd, size, deadline))
