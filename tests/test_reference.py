"""Is the hidden reference solution right? Proved by numerical gradients, not by itself."""
import numpy as np
import pytest

from grader.paths import reference

ref = reference().step_by_step
planar = reference().planar
EPS = 1e-6


def relative_difference(g, g_approx):
    denominator = np.linalg.norm(g) + np.linalg.norm(g_approx)
    return 0.0 if denominator == 0 else np.linalg.norm(g - g_approx) / denominator


def numerical_gradient(f, x):
    """Centred differences of the scalar f() with respect to every entry of x (in place)."""
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + EPS
        plus = f()
        x[idx] = old - EPS
        minus = f()
        x[idx] = old
        grad[idx] = (plus - minus) / (2 * EPS)
    return grad


def random_network(rng, layer_dims, m):
    parameters = {}
    for l in range(1, len(layer_dims)):
        # weights of order 1 keep ReLU inputs far from the kink at 0
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1]))
        parameters[f"b{l}"] = rng.standard_normal((layer_dims[l], 1))
    X = rng.standard_normal((layer_dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    return parameters, X, Y


@pytest.mark.parametrize("activation", ref.ACTIVATIONS)
@pytest.mark.parametrize("n_layers", [1, 2, 3, 4])
@pytest.mark.parametrize("m", [1, 5])
def test_L_model_backward_matches_numerical_gradient(activation, n_layers, m):
    rng = np.random.default_rng(100 * n_layers + m)
    layer_dims = [4, 5, 3, 4, 1][: n_layers] + [1]
    parameters, X, Y = random_network(rng, layer_dims, m)

    def cost():
        AL, _ = ref.L_model_forward(X, parameters, hidden_activation=activation)
        return ref.compute_cost(AL, Y)

    AL, caches = ref.L_model_forward(X, parameters, hidden_activation=activation)
    grads = ref.L_model_backward(AL, Y, caches, hidden_activation=activation)
    for l in range(1, n_layers + 1):
        for name in ("W", "b"):
            g_approx = numerical_gradient(cost, parameters[f"{name}{l}"])
            assert relative_difference(grads[f"d{name}{l}"], g_approx) < 1e-7, f"d{name}{l}"
    # the course's convention puts 1/m on dW and db only: dA[l] is the gradient of m * cost
    assert relative_difference(grads["dA0"], m * numerical_gradient(cost, X)) < 1e-7


@pytest.mark.parametrize("activation", ref.ACTIVATIONS)
def test_activation_backward_is_the_derivative(activation):
    rng = np.random.default_rng(3)
    Z = rng.standard_normal((3, 4)) + 0.1   # away from relu's kink
    dA = rng.standard_normal((3, 4))
    forward = ref.FORWARD[activation]
    numerical = (forward(Z + EPS)[0] - forward(Z - EPS)[0]) / (2 * EPS)
    assert relative_difference(ref.BACKWARD[activation](dA, Z), dA * numerical) < 1e-7


@pytest.mark.parametrize("m", [1, 6])
def test_planar_backward_propagation_matches_numerical_gradient(m):
    rng = np.random.default_rng(m)
    X = rng.standard_normal((2, m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    parameters = {"W1": rng.standard_normal((4, 2)), "b1": rng.standard_normal((4, 1)),
                  "W2": rng.standard_normal((1, 4)), "b2": rng.standard_normal((1, 1))}

    def cost():
        return ref.compute_cost(planar.forward_propagation(X, parameters)[0], Y)

    A2, cache = planar.forward_propagation(X, parameters)
    grads = planar.backward_propagation(parameters, cache, X, Y)
    for key in parameters:
        assert relative_difference(grads["d" + key], numerical_gradient(cost, parameters[key])) < 1e-7, key


def test_update_parameters_returns_a_new_dict():
    rng = np.random.default_rng(0)
    parameters, X, Y = random_network(rng, [3, 2, 1], 4)
    before = {k: v.copy() for k, v in parameters.items()}
    AL, caches = ref.L_model_forward(X, parameters)
    new = ref.update_parameters(parameters, ref.L_model_backward(AL, Y, caches), 0.1)
    assert all(np.array_equal(parameters[k], before[k]) for k in before)
    assert not np.array_equal(new["W1"], before["W1"])


def test_training_lowers_the_cost_and_records_every_100_iterations():
    rng = np.random.default_rng(1)
    X = rng.standard_normal((5, 40))
    Y = (X[0:1] + X[1:2] > 0).astype(float)
    np.random.seed(1)
    _, costs = reference().training.L_layer_model(X, Y, [5, 4, 1], learning_rate=0.5, num_iterations=301)
    assert len(costs) == 4 and costs[-1] < costs[0]     # iterations 0, 100, 200, 300
    np.random.seed(1)
    _, costs2 = reference().training.two_layer_model(X, Y, (5, 4, 1), learning_rate=0.5, num_iterations=301)
    assert len(costs2) == 4 and costs2[-1] < costs2[0]


gc = reference().gradient_checking


def test_gradient_checking_network_gradients_match_numerical_gradient():
    rng = np.random.default_rng(5)
    X = rng.standard_normal((4, 6))
    Y = np.eye(3)[rng.integers(0, 3, 6)].T
    parameters = {"W1": rng.standard_normal((5, 4)), "b1": rng.standard_normal((5, 1)),
                  "W2": rng.standard_normal((3, 5)), "b2": rng.standard_normal((3, 1))}
    _, cache = gc.forward_propagation_n(X, Y, parameters)
    grads = gc.backward_propagation_n(X, Y, cache)
    for key in parameters:
        numerical = numerical_gradient(lambda: gc.forward_propagation_n(X, Y, parameters)[0], parameters[key])
        assert relative_difference(grads["d" + key], numerical) < 1e-7, key
    assert gc.gradient_check(parameters, grads, X, Y) < 1e-7
    wrong = dict(grads, dW2=grads["dW2"] / 2)
    assert gc.gradient_check(parameters, wrong, X, Y) > 1e-3


@pytest.mark.parametrize("m", [1, 7])
def test_softmax_backward_is_the_gradient_of_the_multiclass_cost(m):
    rng = np.random.default_rng(m)
    Z = rng.standard_normal((4, m))
    Y = np.eye(4)[rng.integers(0, 4, m)].T
    cost = lambda: m * gc.compute_cost_multiclass(gc.softmax(Z)[0], Y)   # per-example convention
    assert relative_difference(gc.softmax_backward(gc.softmax(Z)[0], Y), numerical_gradient(cost, Z)) < 1e-7


def test_softmax_is_stable_and_sums_to_one():
    A, _ = gc.softmax(np.array([[1000.0, -1000.0], [999.0, 0.0]]))
    assert np.isfinite(A).all() and np.allclose(A.sum(axis=0), 1)


def test_vector_round_trip():
    d = {"W1": np.arange(6.0).reshape(2, 3), "b1": np.ones((2, 1))}
    theta = gc.dictionary_to_vector(d)
    assert theta.shape == (8, 1) and theta[:3, 0].tolist() == [0, 1, 2]
    back = gc.vector_to_dictionary(theta, d)
    assert all(np.array_equal(back[k], d[k]) for k in d)
