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
