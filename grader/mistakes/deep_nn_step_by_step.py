"""Known mistakes in ``deep_nn_step_by_step`` (spec section 6), one function each.

Written the way students write them. Names such as ``linear_forward`` or
``sigmoid`` used inside are supplied by the checker when it runs a mistake.
"""
import copy

import numpy as np

from . import mistake

# -- initialization -------------------------------------------------------------


@mistake("initialize_parameters", "W looks drawn with np.random.rand (uniform in [0, 1)): use np.random.randn.")
def init_rand(n_x, n_h, n_y):
    return {"W1": np.random.rand(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.rand(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}


@mistake("initialize_parameters", "W is missing the factor 0.01: multiply np.random.randn(...) by 0.01.")
def init_no_scale(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x), "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h), "b2": np.zeros((n_y, 1))}


@mistake("initialize_parameters", "W looks transposed: W1 must have shape (n_h, n_x), one row per unit of the layer.")
def init_transposed(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_x, n_h) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_h, n_y) * 0.01, "b2": np.zeros((n_y, 1))}


@mistake("initialize_parameters", "b has shape (n,) instead of (n, 1): use np.zeros((n, 1)).")
def init_flat_b(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros(n_h),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros(n_y)}


@mistake("initialize_parameters_deep", "W looks drawn with np.random.rand (uniform in [0, 1)): use np.random.randn.")
def deep_rand(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@mistake("initialize_parameters_deep", "W is missing the factor 0.01: multiply np.random.randn(...) by 0.01.")
def deep_no_scale(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@mistake("initialize_parameters_deep", "W looks transposed: W[l] must have shape (layer_dims[l], layer_dims[l-1]).")
def deep_transposed(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l - 1], layer_dims[l]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


@mistake("initialize_parameters_deep", "b has shape (n,) instead of (n, 1): use np.zeros((layer_dims[l], 1)).")
def deep_flat_b(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros(layer_dims[l])
    return parameters


@mistake("initialize_parameters_deep", "The last layer is skipped: loop over range(1, len(layer_dims)).")
def deep_skips_last(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims) - 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


# -- forward ------------------------------------------------------------------


@mistake("linear_forward", "The cache must hold the input A (with W and b), not Z: cache = (A, W, b).")
def cache_holds_Z(A, W, b):
    Z = np.dot(W, A) + b
    return Z, (Z, W, b)


@mistake("linear_forward", "Z looks computed with W.T: use np.dot(W, A) + b, W is already (n[l], n[l-1]).")
def uses_W_T(A, W, b):
    Z = np.dot(W.T, A) + b
    return Z, (A, W, b)


@mistake("linear_forward", "b is subtracted: the linear step is Z = W A + b.")
def minus_b(A, W, b):
    Z = np.dot(W, A) - b
    return Z, (A, W, b)


@mistake("linear_activation_forward", "The relu and sigmoid branches look swapped: check which activation each branch calls.")
def swapped_branches(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = relu(Z)
    elif activation == "relu":
        A, activation_cache = sigmoid(Z)
    else:
        A, activation_cache = tanh(Z)
    return A, (linear_cache, activation_cache)


@mistake("linear_activation_forward", 'The "tanh" branch is missing: add elif activation == "tanh".')
def no_tanh_branch(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
    return A, (linear_cache, activation_cache)


@mistake("linear_activation_forward", 'The "tanh" branch applies another activation: call tanh(Z) there.')
def tanh_branch_uses_relu(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (linear_cache, activation_cache)


@mistake("linear_activation_forward", "The cache must be (linear_cache, activation_cache), in that order.")
def cache_order(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = {"sigmoid": sigmoid, "relu": relu, "tanh": tanh}[activation](Z)
    return A, (activation_cache, linear_cache)


@mistake("L_model_forward", 'The hidden layers use sigmoid: they must use "relu"; only the last layer is sigmoid.')
def all_sigmoid(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "sigmoid")
        caches.append(cache)
    return A, caches


@mistake("L_model_forward", 'The last layer is not sigmoid: use activation "sigmoid" for layer L.')
def all_relu(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    return A, caches


@mistake("L_model_forward", "The cache of the last layer is not appended to caches.")
def last_cache_missing(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    return AL, caches


@mistake("L_model_forward", "caches are in the wrong order: append them layer by layer, from layer 1 to layer L.")
def caches_reversed(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.insert(0, cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.insert(0, cache)
    return AL, caches


# -- cost -----------------------------------------------------------------------


@mistake("compute_cost", "log is not defined on its own: write np.log.")
def bare_log(AL, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * log(AL) + (1 - Y) * log(1 - AL)) / m)  # noqa: F821


@mistake("compute_cost", "The cost has the wrong sign: cross-entropy is -1/m times the sum.")
def cost_sign(AL, Y):
    m = Y.shape[1]
    return float(np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


@mistake("compute_cost", "The cost is not divided by m, the number of examples (m = Y.shape[1]).")
def cost_not_averaged(AL, Y):
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


@mistake("compute_cost", "The cost looks divided by 2 instead of by m (m = Y.shape[1]).")
def cost_over_2(AL, Y):
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / 2)


@mistake("compute_cost", "The cost is a (1, 1) array: turn it into a number with np.squeeze(cost) or cost.item().")
def cost_1x1(AL, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m


@mistake("compute_cost", "The mean is taken over the wrong axis: average over all m examples to get one number.")
def cost_wrong_axis(AL, Y):
    return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL), axis=0)


# -- activation backward -----------------------------------------------------------


@mistake("tanh_backward", "tanh_backward uses the sigmoid derivative s(1 - s): the tanh derivative is 1 - tanh(Z)**2.")
def tanh_with_sigmoid_derivative(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return dA * s * (1 - s)


@mistake("relu_backward", "The mask uses dA: the gradient is zero where Z <= 0, so test Z (the cache), not dA.")
def relu_masks_dA(dA, cache):
    dZ = np.array(dA, copy=True)
    dZ[dA <= 0] = 0
    return dZ


@mistake("relu_backward", "relu_backward changes dA in place: copy it first (dZ = np.array(dA, copy=True)).")
def relu_in_place(dA, cache):
    dA[cache <= 0] = 0
    return dA


@mistake("sigmoid_backward", "sigmoid_backward returns dA * s without the factor (1 - s): dZ = dA * s * (1 - s).")
def sigmoid_missing_one_minus_s(dA, cache):
    s = 1 / (1 + np.exp(-cache))
    return dA * s


# -- linear backward -----------------------------------------------------------------


@mistake("linear_backward", "dW looks divided by 2 instead of by m (m = A_prev.shape[1]).")
def dW_over_2(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / 2, np.sum(dZ, axis=1, keepdims=True) / m


@mistake("linear_backward", "dW is not divided by m (m = A_prev.shape[1]).")
def dW_not_averaged(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T), np.sum(dZ, axis=1, keepdims=True) / m


@mistake("linear_backward", "dA_prev has an extra 1/m: only dW and db are divided by m; dA_prev = W.T dZ.")
def dA_prev_over_m(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ) / m, np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m


@mistake("linear_backward", "db is missing keepdims=True: its shape is (n,) instead of (n, 1).")
def db_no_keepdims(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1) / m


@mistake("linear_backward", "dW = dZ A_prev is missing the transpose: dW = np.dot(dZ, A_prev.T) / m.")
def dW_no_transpose(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev) / m, np.sum(dZ, axis=1, keepdims=True) / m


@mistake("linear_activation_backward", "The relu and sigmoid branches look swapped: check which backward function each branch calls.")
def backward_swapped_branches(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = sigmoid_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = tanh_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


@mistake("linear_activation_backward", 'The "tanh" branch is missing: add elif activation == "tanh" calling tanh_backward.')
def backward_no_tanh(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


# -- model backward ---------------------------------------------------------------------


def _hidden_layers(grads, dA, caches, activation):
    for l in reversed(range(len(caches) - 1)):
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(dA, caches[l], activation)
        grads["dA" + str(l)] = dA
    return grads


@mistake("L_model_backward", 'The hidden layers are differentiated with "sigmoid": they are ReLU layers, use "relu".')
def hidden_sigmoid(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA, grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)] = dA
    return _hidden_layers(grads, dA, caches, "sigmoid")


@mistake("L_model_backward", "dAL has the wrong sign: dAL = -(Y / AL - (1 - Y) / (1 - AL)).")
def dAL_sign(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    dA, grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)] = dA
    return _hidden_layers(grads, dA, caches, "relu")


@mistake("L_model_backward", "dAL is divided by m: the 1/m is applied once, in linear_backward, not in dAL.")
def dAL_over_m(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)) / AL.shape[1]
    dA, grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)] = dA
    return _hidden_layers(grads, dA, caches, "relu")


@mistake("L_model_backward", "The last layer's gradients are stored under the wrong number: they are dW{L} and db{L}.")
def last_layer_key_off_by_one(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA, grads["dW" + str(L - 1)], grads["db" + str(L - 1)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)] = dA
    return _hidden_layers(grads, dA, caches, "relu")


@mistake("L_model_backward", "The dA keys are shifted: the gradient that linear_activation_backward returns for layer l is dA{l-1}.")
def dA_keys_shifted(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA, grads["dW" + str(L)], grads["db" + str(L)] = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L)] = dA
    for l in reversed(range(L - 1)):
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(dA, caches[l], "relu")
        grads["dA" + str(l + 1)] = dA
    return grads


# -- update -------------------------------------------------------------------------------


@mistake("update_parameters", "Some layers are never updated: loop over range(1, L + 1), or range(L) with l + 1.")
def update_skips_layers(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    L = len(parameters) // 2
    for l in range(1, L - 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


@mistake("update_parameters", "The update goes uphill: gradient descent subtracts, W = W - learning_rate * dW.")
def update_plus(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] + learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] + learning_rate * grads["db" + str(l)]
    return parameters


@mistake("update_parameters", 'The gradients are stored as grads["dW1"], not grads["W1"].')
def update_reads_W_keys(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["W" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["b" + str(l)]
    return parameters


@mistake("update_parameters", "update_parameters changes the dict it was given: start with parameters = copy.deepcopy(parameters).")
def update_in_place(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters


# -- seeding inside (the checker also detects any seed by calling twice) --------------------

SEEDED_HINT = "The function calls np.random.seed itself: remove it, the caller seeds the generator."


@mistake("initialize_parameters", SEEDED_HINT)
def init_seeded(n_x, n_h, n_y):
    np.random.seed(1)
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}


@mistake("initialize_parameters_deep", SEEDED_HINT)
def deep_seeded(layer_dims):
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
