"""Reference for the ``deep_nn_step_by_step`` assignment.

Notation: layer l has n[l] units; ``W{l}`` is (n[l], n[l-1]), ``b{l}`` is
(n[l], 1); A[0] = X is (n[0], m), one column per example.
"""
import copy

import numpy as np

ACTIVATIONS = ("sigmoid", "relu", "tanh")


# -- activations: forward returns (A, cache = Z), backward takes (dA, Z) ----

def sigmoid(Z):
    return 1 / (1 + np.exp(-Z)), Z


def relu(Z):
    return np.maximum(0, Z), Z


def tanh(Z):
    return np.tanh(Z), Z


def sigmoid_backward(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return dA * s * (1 - s)


def relu_backward(dA, cache):
    return np.where(cache > 0, dA, 0.0)


def tanh_backward(dA, cache):
    return dA * (1 - np.tanh(cache) ** 2)


FORWARD = {"sigmoid": sigmoid, "relu": relu, "tanh": tanh}
BACKWARD = {"sigmoid": sigmoid_backward, "relu": relu_backward, "tanh": tanh_backward}


# -- initialization: the caller seeds np.random ------------------------------

def initialize_parameters(n_x, n_h, n_y):
    return initialize_parameters_deep([n_x, n_h, n_y])


def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


# -- forward ------------------------------------------------------------------

def linear_forward(A, W, b):
    """Z = W A + b: (n[l], n[l-1]) x (n[l-1], m) + (n[l], 1) -> (n[l], m)."""
    Z = np.dot(W, A) + b
    return Z, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = FORWARD[activation](Z)
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters, hidden_activation="relu"):
    """[LINEAR -> hidden_activation] x (L-1) -> LINEAR -> SIGMOID."""
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L else hidden_activation
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        caches.append(cache)
    return A, caches


def compute_cost(AL, Y):
    """Cross-entropy J = -1/m sum(Y log AL + (1 - Y) log(1 - AL)), a float."""
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(cost)


# -- backward -----------------------------------------------------------------

def linear_backward(dZ, cache):
    """dW = dZ A_prev^T / m, db = sum_rows(dZ) / m, dA_prev = W^T dZ."""
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    dZ = BACKWARD[activation](dA, activation_cache)
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches, hidden_activation="relu"):
    """Gradients of compute_cost(AL, Y) for the network L_model_forward ran."""
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA = dAL
    for l in reversed(range(1, L + 1)):
        activation = "sigmoid" if l == L else hidden_activation
        dA_prev, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA_prev, dW, db
        dA = dA_prev
    return grads


def update_parameters(parameters, grads, learning_rate):
    """W{l} -= learning_rate dW{l}, b{l} -= learning_rate db{l}; a new dict."""
    parameters = copy.deepcopy(parameters)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return parameters
