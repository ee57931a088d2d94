"""Loaders returning ``train_x, train_y, test_x, test_y, classes``.

``train_x`` is (m, h, w[, c]) uint8 as stored; labels are (1, m) rows, the
course's convention; ``classes`` is an array of bytes.
"""
from pathlib import Path

import h5py
import numpy as np

from .paths import BUILD_COMMAND, DIGITS, FACES

REQUIRED = {"train": ("train_set_x", "train_set_y"), "test": ("test_set_x", "test_set_y")}


class DataError(RuntimeError):
    """A data file is missing or not in the course's layout."""


def _open(path):
    path = Path(path)
    if not path.exists():
        raise DataError(f"{path} is missing: build it with `{BUILD_COMMAND}` (or `make data`).")
    try:
        return h5py.File(path, "r")
    except OSError as err:
        raise DataError(f"{path} is not an HDF5 file ({err}).") from None


def _read(f, path, parts, label_suffix=""):
    names = [n + label_suffix if n.endswith("_y") else n for part in parts for n in REQUIRED[part]]
    names.append("list_classes" + label_suffix)
    missing = [n for n in names if n not in f]
    if missing:
        raise DataError(f"{path} is not in the course's image layout: it lacks {', '.join(missing)} "
                        f"(expected train_set_x, train_set_y, test_set_x, test_set_y, list_classes).")
    return {n.replace(label_suffix, "") if label_suffix else n: np.array(f[n]) for n in names}


def load_dataset(path, test_path=None, labels=""):
    """Load an image set: one file holding train and test, or two files
    (``train_catvnoncat.h5`` and ``test_catvnoncat.h5`` style).
    ``labels="binary"`` reads the ``*_y_binary`` labels and classes."""
    suffix = f"_{labels}" if labels else ""
    if test_path is None:
        with _open(path) as f:
            d = _read(f, path, ("train", "test"), suffix)
    else:
        with _open(path) as f:
            d = _read(f, path, ("train",), suffix)
        with _open(test_path) as f:
            d.update(_read(f, test_path, ("test",), suffix))
    return (d["train_set_x"], d["train_set_y"].reshape(1, -1),
            d["test_set_x"], d["test_set_y"].reshape(1, -1), d["list_classes"])


def load_faces():
    """Face (1) vs not face (0), 25x25 grey photographs from scikit-image."""
    return load_dataset(FACES)


def load_digits(binary=False):
    """8x8 digits from scikit-learn: labels 0..9, or even (1) vs odd (0)."""
    return load_dataset(DIGITS, labels="binary" if binary else "")
