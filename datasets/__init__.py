"""Course data: deterministic builders (``build``) and loaders (``load``).

Image sets are HDF5 files in the classic layout (``train_set_x`` (m, h, w[, c])
uint8, ``train_set_y`` (m,), the same for ``test_set_*``, ``list_classes``
as bytes), built from data that installed packages ship: nothing is
downloaded and no built file is committed.
"""
from .load import DataError, load_dataset, load_digits, load_faces
from .planar import load_planar_dataset, load_extra_datasets

__all__ = ["DataError", "load_dataset", "load_digits", "load_faces",
           "load_planar_dataset", "load_extra_datasets"]
