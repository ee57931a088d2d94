"""Are the data sets deterministic, in the right layout, and clear when something is wrong?"""
import h5py
import numpy as np
import pytest

import datasets
from datasets import DataError, build, load_dataset


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory):
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    return build.build_all(first), build.build_all(second)


def test_building_twice_gives_identical_arrays(built_twice):
    for a, b in zip(*built_twice):
        with h5py.File(a) as fa, h5py.File(b) as fb:
            assert sorted(fa) == sorted(fb)
            for key in fa:
                assert np.array_equal(fa[key][()], fb[key][()]), (a.name, key)


def test_faces_layout_and_split(built_twice):
    train_x, train_y, test_x, test_y, classes = load_dataset(built_twice[0][0])
    assert train_x.shape == (150, 25, 25) and train_x.dtype == np.uint8
    assert test_x.shape == (50, 25, 25) and train_y.shape == (1, 150) and test_y.shape == (1, 50)
    assert list(classes) == [b"non-face", b"face"]
    assert train_y.mean() == 0.5 and test_y.mean() == 0.5   # stratified
    assert train_x.max() > 200                               # real photographs, not blank


def test_digits_have_ten_classes_and_a_binary_task(built_twice):
    path = built_twice[0][1]
    train_x, train_y, test_x, test_y, classes = load_dataset(path)
    assert train_x.shape[1:] == (8, 8) and train_x.shape[0] + test_x.shape[0] == 1797
    assert set(np.unique(train_y)) == set(range(10)) and len(classes) == 10
    _, train_b, _, test_b, classes_b = load_dataset(path, labels="binary")
    assert list(classes_b) == [b"odd", b"even"]
    assert np.array_equal(train_b, (train_y % 2 == 0).astype(int))


def test_missing_file_names_the_build_command(tmp_path):
    with pytest.raises(DataError, match="nngrader build-data"):
        load_dataset(tmp_path / "faces.h5")


def test_wrong_layout_names_what_is_missing(tmp_path):
    path = tmp_path / "odd.h5"
    with h5py.File(path, "w") as f:
        f["train_set_x"] = np.zeros((2, 3, 3), np.uint8)
    with pytest.raises(DataError, match="lacks train_set_y, test_set_x, test_set_y, list_classes"):
        load_dataset(path)


def test_classic_two_file_layout_is_accepted(tmp_path):
    rng = np.random.RandomState(0)
    for part, m in (("train", 4), ("test", 2)):
        with h5py.File(tmp_path / f"{part}_catvnoncat.h5", "w") as f:
            f[f"{part}_set_x"] = rng.randint(0, 255, (m, 6, 6, 3)).astype(np.uint8)
            f[f"{part}_set_y"] = np.arange(m) % 2
            f["list_classes"] = np.array([b"non-cat", b"cat"])
    train_x, train_y, test_x, test_y, classes = load_dataset(
        tmp_path / "train_catvnoncat.h5", tmp_path / "test_catvnoncat.h5")
    assert train_x.shape == (4, 6, 6, 3) and test_y.shape == (1, 2) and classes[1] == b"cat"


def test_planar_flower_is_seeded():
    X, Y = datasets.load_planar_dataset()
    X2, Y2 = datasets.load_planar_dataset()
    assert X.shape == (2, 400) and Y.shape == (1, 400) and np.array_equal(X, X2)
    assert not np.array_equal(X, datasets.load_planar_dataset(seed=2)[0])


def test_loaders_resolve_paths_relative_to_the_package(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert datasets.paths.FACES.is_absolute()
    assert datasets.paths.FACES.parent == datasets.paths.DATA_DIR
