"""Build the course's HDF5 image sets from data that installed packages ship.

    nngrader build-data          (or: python -m datasets.build)

Deterministic: the same arrays every time (fixed split seeds, no clock).
"""
import h5py
import numpy as np

from .paths import DATA_DIR, DIGITS, FACES

SPLIT_SEED = 0


def _split(n, test_fraction, seed, labels):
    """Stratified split: the same fraction of every class goes to test."""
    rng = np.random.RandomState(seed)
    test = []
    for label in np.unique(labels):
        idx = np.flatnonzero(labels == label)
        idx = idx[rng.permutation(len(idx))]
        test.extend(idx[: int(round(len(idx) * test_fraction))])
    test = np.sort(np.array(test))
    train = np.setdiff1d(np.arange(n), test)
    return train[rng.permutation(len(train))], test[rng.permutation(len(test))]


def _write(path, x, y, classes, train, test, extra=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with h5py.File(tmp, "w") as f:
        f["train_set_x"], f["train_set_y"] = x[train], y[train]
        f["test_set_x"], f["test_set_y"] = x[test], y[test]
        f["list_classes"] = np.array(classes, dtype="S")
        for name, (values, names) in (extra or {}).items():
            f[f"train_set_y_{name}"], f[f"test_set_y_{name}"] = values[train], values[test]
            f[f"list_classes_{name}"] = np.array(names, dtype="S")
    tmp.replace(path)
    return path


def build_faces(path=FACES):
    """scikit-image's LFW subset: 100 faces then 100 non-faces, 25x25 grey in [0, 1]."""
    from skimage.data import lfw_subset
    images = lfw_subset()
    x = np.round(images * 255).astype(np.uint8)
    y = np.array([1] * 100 + [0] * 100, dtype=np.int64)
    train, test = _split(len(y), 0.25, SPLIT_SEED, y)
    return _write(path, x, y, ["non-face", "face"], train, test)


def build_digits(path=DIGITS):
    """scikit-learn's 8x8 digits (values 0..16, scaled to 0..255); 10 classes and even/odd."""
    from sklearn.datasets import load_digits
    digits = load_digits()
    x = np.round(digits.images * (255 / 16)).astype(np.uint8)
    y = digits.target.astype(np.int64)
    train, test = _split(len(y), 0.2, SPLIT_SEED, y)
    binary = (y % 2 == 0).astype(np.int64)
    return _write(path, x, y, [str(d) for d in range(10)], train, test,
                  extra={"binary": (binary, ["odd", "even"])})


def build_all(data_dir=DATA_DIR):
    return [build_faces(data_dir / FACES.name), build_digits(data_dir / DIGITS.name)]


if __name__ == "__main__":
    for p in build_all():
        print(f"wrote {p}")
