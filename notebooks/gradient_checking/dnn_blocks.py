"""Working building blocks for deep_nn_application: what you wrote in deep_nn_step_by_step.

Provided so that this assignment does not depend on your earlier answers
(instructors: release this assignment after the step-by-step deadline).
Shapes: W{l} (n[l], n[l-1]), b{l} (n[l], 1), A{l} (n[l], m).
"""
import copy

import numpy as np

from nn_utils import relu, sigmoid, tanh

_ACTIVATIONS = {"relu": relu, "sigmoid": sigmoid, "tanh": tanh}
_DERIVATIVES = {  # g'(Z) for each activation
    "relu": lambda Z: (Z > 0).astype(float),
    "sigmoid": lambda Z: sigmoid(Z)[0] * (1 - sigmoid(Z)[0]),
    "tanh": lambda Z: 1 - np.tanh(Z) ** 2,
}


def initialize_parameters(n_x, n_h, n_y):
    """Two layers, W ~ 0.01 * N(0, 1), b = 0."""
    W1 = 0.01 * np.random.randn(n_h, n_x)
    W2 = 0.01 * np.random.randn(n_y, n_h)
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


def initialize_parameters_deep(layer_dims, method="he"):
    """W{l} ~ scale * N(0, 1) with scale 0 ("zeros"), 0.01 ("small") or sqrt(2 / n[l-1]) ("he")."""
    parameters = {}
    for l, (n, n_prev) in enumerate(zip(layer_dims[1:], layer_dims[:-1]), start=1):
        scale = {"zeros": 0.0, "small": 0.01, "he": np.sqrt(2 / n_prev)}[method]
        parameters["W%d" % l] = np.random.randn(n, n_prev) * scale
        parameters["b%d" % l] = np.zeros((n, 1))
    return parameters


def linear_forward(A, W, b):
    """The linear step alone: Z = W A + b; cache = (A, W, b)."""
    return W @ A + b, (A, W, b)


def linear_backward(dZ, cache):
    """The linear step backwards: dA_prev, dW = dZ A_prev^T / m, db = row sums of dZ / m."""
    A_prev, W, _ = cache
    n_examples = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / n_examples, dZ.sum(axis=1, keepdims=True) / n_examples


def linear_activation_forward(A_prev, W, b, activation):
    """A = g(W A_prev + b); cache = ((A_prev, W, b), Z)."""
    Z = W @ A_prev + b
    A, Z = _ACTIVATIONS[activation](Z)
    return A, ((A_prev, W, b), Z)


def L_model_forward(X, parameters):
    """[LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID: returns AL (1, m) and the L caches."""
    caches = []
    activations = X
    n_layers = len(parameters) // 2
    for l in range(1, n_layers + 1):
        g = "sigmoid" if l == n_layers else "relu"
        activations, c = linear_activation_forward(activations, parameters["W%d" % l], parameters["b%d" % l], g)
        caches.append(c)
    return activations, caches


def compute_cost(AL, Y):
    """Cross-entropy averaged over the m examples, a float."""
    losses = Y * np.log(AL) + (1 - Y) * np.log(1 - AL)
    return float(-losses.mean())


def linear_activation_backward(dA, cache, activation):
    """dA (n[l], m) -> dA_prev, dW, db through g and the linear step."""
    (A_prev, W, b), Z = cache
    dZ = dA * _DERIVATIVES[activation](Z)
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def L_model_backward(AL, Y, caches):
    """Gradients dA{l-1}, dW{l}, db{l} for every layer of L_model_forward."""
    grads = {}
    n_layers = len(caches)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(n_layers, 0, -1):
        g = "sigmoid" if l == n_layers else "relu"
        dA, grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(dA, caches[l - 1], g)
        grads["dA%d" % (l - 1)] = dA
    return grads


def update_parameters(parameters, grads, learning_rate):
    """One gradient-descent step; returns a new dict."""
    new = copy.deepcopy(parameters)
    for key in new:
        new[key] = new[key] - learning_rate * grads["d" + key]
    return new
