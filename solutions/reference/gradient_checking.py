"""Reference for ``gradient_checking``: vectorising parameters, numerical gradient
checking, and a softmax output for the ten digit classes.

The network of parts 1 and 2 is LINEAR -> RELU -> LINEAR -> SIGMOID with ten
sigmoid outputs (one per digit), Y one-hot (10, m). Part 3 replaces the ten
sigmoids by a softmax. As everywhere in the course, dZ is per example and the
1/m is applied in linear_backward (on dW and db only).
"""
import numpy as np

from .step_by_step import (linear_activation_backward, linear_activation_forward, linear_backward,  # noqa: F401
                           linear_forward, relu, sigmoid, update_parameters)
from .training import initialize_parameters_deep


# -- part 1: vectors and gradient checking -----------------------------------------

def dictionary_to_vector(dictionary):
    """Stack the arrays of a dict, in its order, each flattened row by row, into one column (n, 1)."""
    return np.concatenate([np.reshape(value, (-1, 1)) for value in dictionary.values()], axis=0)


def vector_to_dictionary(theta, like):
    """Inverse of dictionary_to_vector: cut theta (n, 1) into arrays shaped like the dict ``like``."""
    out, start = {}, 0
    for key, value in like.items():
        size = np.size(value)
        out[key] = theta[start:start + size].reshape(np.shape(value))
        start += size
    return out


def forward_propagation_n(X, Y, parameters):
    """Two layers, ten sigmoid outputs; returns (cost, cache). Cost: mean over m of the
    summed binary cross-entropies of the outputs."""
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.maximum(0, Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    m = X.shape[1]
    cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
    return float(cost), (Z1, A1, Z2, A2, parameters)


def backward_propagation_n(X, Y, cache):
    """Correct gradients of forward_propagation_n's cost."""
    Z1, A1, Z2, A2, parameters = cache
    m = X.shape[1]
    dZ2 = A2 - Y
    dA1 = parameters["W2"].T @ dZ2
    dZ1 = dA1 * (Z1 > 0)
    return {"dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
            "dW2": dZ2 @ A1.T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}


def gradient_check(parameters, gradients, X, Y, epsilon=1e-7):
    """Relative difference ||g - g_approx|| / (||g|| + ||g_approx||) between the
    gradients given and centred differences of forward_propagation_n's cost."""
    theta = dictionary_to_vector(parameters)
    grad = dictionary_to_vector({key: gradients["d" + key] for key in parameters})
    grad_approx = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        theta_plus, theta_minus = theta.copy(), theta.copy()
        theta_plus[i] += epsilon
        theta_minus[i] -= epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus, parameters))
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus, parameters))
        grad_approx[i] = (J_plus - J_minus) / (2 * epsilon)
    numerator = np.linalg.norm(grad - grad_approx)
    denominator = np.linalg.norm(grad) + np.linalg.norm(grad_approx)
    return float(numerator / denominator)


# -- part 3: softmax for ten classes ---------------------------------------------------------

def softmax(Z):
    """Column-wise softmax, stable for large Z; returns (A, cache = Z)."""
    E = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    return E / np.sum(E, axis=0, keepdims=True), Z


def compute_cost_multiclass(AL, Y):
    """Cross-entropy -1/m sum(Y log AL) with one-hot Y (10, m); a float."""
    return float(-np.sum(Y * np.log(AL)) / Y.shape[1])


def softmax_backward(AL, Y):
    """dZ of softmax + cross-entropy, per example: AL - Y (the 1/m comes in linear_backward)."""
    return AL - Y


def one_hot(y, classes=10):
    """Labels (1, m) -> one-hot (classes, m)."""
    return np.eye(classes)[np.ravel(y).astype(int)].T


def train_digits(X, y, layers_dims, learning_rate=0.5, num_iterations=1000, print_cost=False):
    """[LINEAR -> RELU] x (L-1) -> LINEAR -> SOFTMAX on labels y (1, m); returns (parameters, costs),
    costs recorded at iterations 0, 100, 200, ..."""
    Y = one_hot(y, layers_dims[-1])
    parameters = initialize_parameters_deep(layers_dims)
    L = len(layers_dims) - 1
    costs = []
    for i in range(num_iterations):
        A, caches = X, []
        for l in range(1, L):
            A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
            caches.append(cache)
        ZL, linear_cache = linear_forward(A, parameters[f"W{L}"], parameters[f"b{L}"])
        AL, _ = softmax(ZL)
        cost = compute_cost_multiclass(AL, Y)
        grads = {}
        dA, grads[f"dW{L}"], grads[f"db{L}"] = linear_backward(softmax_backward(AL, Y), linear_cache)
        for l in range(L - 1, 0, -1):
            dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(dA, caches[l - 1], "relu")
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:.6f}")
    return parameters, costs


def predict_digits(X, parameters):
    """Class predictions (1, m) of a network trained by train_digits."""
    L = len(parameters) // 2
    A = X
    for l in range(1, L):
        A, _ = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], "relu")
    ZL, _ = linear_forward(A, parameters[f"W{L}"], parameters[f"b{L}"])
    return np.argmax(ZL, axis=0).reshape(1, -1)
