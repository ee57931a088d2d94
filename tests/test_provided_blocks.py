"""Are the helpers given to students right? The building blocks handed out with
deep_nn_application must pass the hidden tests of deep_nn_step_by_step."""
import numpy as np
import pytest

from grader.audit import notebook_namespace
from grader.checks import run_hidden
from grader.paths import reference

BLOCKS = notebook_namespace("deep_nn_application")


@pytest.mark.parametrize("name", ["initialize_parameters", "linear_activation_forward", "L_model_forward",
                                  "compute_cost", "linear_activation_backward", "L_model_backward",
                                  "update_parameters"])
def test_building_block_passes_the_step_by_step_hidden_tests(name):
    run_hidden("deep_nn_step_by_step", name, BLOCKS[name], quiet=True)


@pytest.mark.parametrize("method", ["zeros", "small", "he"])
def test_deep_initialisation_matches_the_reference(method):
    np.random.seed(3)
    ours = BLOCKS["initialize_parameters_deep"]([6, 4, 1], method)
    np.random.seed(3)
    theirs = reference().training.initialize_parameters_deep([6, 4, 1], method)
    assert ours.keys() == theirs.keys() and all(np.array_equal(ours[k], theirs[k]) for k in ours)


def test_helper_activations_return_A_and_the_cache():
    helpers = notebook_namespace("deep_nn_step_by_step")
    Z = np.array([[-1.0, 0.0, 2.0]])
    for name in ("sigmoid", "relu", "tanh"):
        A, cache = helpers[name](Z)
        expected, _ = getattr(reference().step_by_step, name)(Z)
        assert np.allclose(A, expected) and cache is Z
