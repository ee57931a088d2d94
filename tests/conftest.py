import os

# The course's matrices are small: one BLAS thread is as fast, and on a busy 2-core
# machine OpenBLAS threads that spin-wait slow the notebook kernels down tenfold.
# Set before NumPy loads; the Jupyter kernels the tests start inherit it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import pytest

from grader.paths import reference_module

ASSIGNMENT = "deep_nn_step_by_step"


@pytest.fixture(scope="session")
def ref():
    return reference_module(ASSIGNMENT)


@pytest.fixture(autouse=True)
def _restore_rng():
    state = np.random.get_state()
    yield
    np.random.set_state(state)
