"""Reference training loops for ``deep_nn_application``.

Both loops record the cost at iterations 0, 100, 200, ... (the notebook's
contract); the caller seeds np.random before calling. The L-layer model is
initialised with He scaling (``initialize_parameters_deep(..., method="he")``),
as the application notebook's helper does.
"""
import numpy as np

from .step_by_step import (L_model_backward, L_model_forward, compute_cost,  # noqa: F401
                           initialize_parameters, linear_activation_backward,
                           linear_activation_forward, update_parameters)


def initialize_parameters_deep(layer_dims, method="he"):
    """W{l} = randn(n[l], n[l-1]) * scale with scale 0 ("zeros"), 0.01 ("small")
    or sqrt(2 / n[l-1]) ("he", for ReLU layers); b{l} = 0."""
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = {"zeros": 0.0, "small": 0.01, "he": np.sqrt(2 / layer_dims[l - 1])}[method]
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def _record(costs, i, num_iterations, cost, print_cost):
    if i % 100 == 0:
        costs.append(cost)
    if print_cost and (i % 100 == 0 or i == num_iterations - 1):
        print(f"Cost after iteration {i}: {cost:.6f}")


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """LINEAR -> RELU -> LINEAR -> SIGMOID; returns (parameters, costs)."""
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
        parameters = update_parameters(parameters, grads, learning_rate)
        _record(costs, i, num_iterations, cost, print_cost)
    return parameters, costs


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """[LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID; returns (parameters, costs)."""
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        _record(costs, i, num_iterations, cost, print_cost)
    return parameters, costs


def predict(X, y, parameters):
    """0/1 predictions (1, m) of an L-layer model; prints the accuracy."""
    AL, _ = L_model_forward(X, parameters)
    p = (AL > 0.5).astype(int)
    print(f"Accuracy: {np.mean(p == y):.4f}")
    return p
