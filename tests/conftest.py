import importlib.util

import numpy as np
import pytest

from grader.paths import SOLUTIONS, reference_module

ASSIGNMENT = "deep_nn_step_by_step"


def notebook_namespace():
    """What a student's answer cell sees: the first cell's imports and the helper's activations."""
    spec = importlib.util.spec_from_file_location("nn_utils_for_tests", SOLUTIONS / "common" / "nn_utils.py")
    helper = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helper)
    namespace = {"__name__": "__main__"}
    exec("import copy\nimport numpy as np", namespace)
    namespace.update(sigmoid=helper.sigmoid, relu=helper.relu, tanh=helper.tanh)
    return namespace


def load_answers(sources):
    """Define answer-cell sources {function: source} in one fresh notebook-like namespace."""
    namespace = notebook_namespace()
    for source in sources.values():
        exec(compile(source, "<answer>", "exec"), namespace)
    return namespace


@pytest.fixture(scope="session")
def ref():
    return reference_module(ASSIGNMENT)


@pytest.fixture(autouse=True)
def _restore_rng():
    state = np.random.get_state()
    yield
    np.random.set_state(state)
