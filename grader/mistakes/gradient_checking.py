"""Known mistakes in ``gradient_checking``, one function each, written as students write them.
Names such as ``forward_propagation_n`` used inside are supplied by the checker."""
import numpy as np

from . import mistake


@mistake("dictionary_to_vector", "theta must be a column (n, 1): reshape each array with .reshape(-1, 1) before concatenating.")
def vector_flat(dictionary):
    return np.concatenate([np.ravel(v) for v in dictionary.values()])


@mistake("dictionary_to_vector", "The arrays are flattened column by column: reshape(-1, 1) flattens row by row, as vector_to_dictionary expects.")
def vector_column_major(dictionary):
    return np.concatenate([np.reshape(v, (-1, 1), order="F") for v in dictionary.values()], axis=0)


@mistake("dictionary_to_vector", "The keys are taken in sorted order: keep the dict's own order, as vector_to_dictionary does.")
def vector_sorted_keys(dictionary):
    return np.concatenate([np.reshape(dictionary[k], (-1, 1)) for k in sorted(dictionary)], axis=0)


@mistake("gradient_check", "The difference is not normalised: divide ||grad - gradapprox|| by ||grad|| + ||gradapprox||.")
def check_no_denominator(parameters, gradients, X, Y, epsilon=1e-7):
    theta = dictionary_to_vector(parameters)
    grad = dictionary_to_vector({k: gradients["d" + k] for k in parameters})
    gradapprox = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        plus, minus = np.copy(theta), np.copy(theta)
        plus[i] += epsilon
        minus[i] -= epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(plus, parameters))
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(minus, parameters))
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    return float(np.linalg.norm(grad - gradapprox))


@mistake("gradient_check", "epsilon is applied on one side only: use (J(theta + eps) - J(theta - eps)) / (2 eps), far more accurate.")
def check_one_sided(parameters, gradients, X, Y, epsilon=1e-7):
    theta = dictionary_to_vector(parameters)
    grad = dictionary_to_vector({k: gradients["d" + k] for k in parameters})
    J, _ = forward_propagation_n(X, Y, parameters)
    gradapprox = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        plus = np.copy(theta)
        plus[i] += epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(plus, parameters))
        gradapprox[i] = (J_plus - J) / epsilon
    return float(np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox)))


@mistake("gradient_check", "theta_plus = theta does not copy: the nudges pile up. Use theta_plus = np.copy(theta) at every step.")
def check_aliasing(parameters, gradients, X, Y, epsilon=1e-7):
    theta = dictionary_to_vector(parameters)
    grad = dictionary_to_vector({k: gradients["d" + k] for k in parameters})
    gradapprox = np.zeros_like(theta)
    plus, minus = np.copy(theta), np.copy(theta)
    for i in range(theta.shape[0]):
        plus[i] += epsilon
        minus[i] -= epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(plus, parameters))
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(minus, parameters))
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    return float(np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox)))


@mistake("softmax", "softmax overflows for large Z: subtract the column maximum, np.exp(Z - np.max(Z, axis=0, keepdims=True)).")
def softmax_unstable(Z):
    E = np.exp(Z)
    return E / np.sum(E, axis=0, keepdims=True), Z


@mistake("softmax", "The sum runs over the wrong axis: each column (one example) must sum to 1, so sum over axis=0.")
def softmax_wrong_axis(Z):
    E = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return E / np.sum(E, axis=1, keepdims=True), Z


@mistake("softmax", "The exponentials are not normalised: divide by their sum over each column.")
def softmax_not_normalised(Z):
    return np.exp(Z - np.max(Z, axis=0, keepdims=True)), Z


@mistake("compute_cost_multiclass", "The cost has the wrong sign: J = -1/m sum(Y log AL).")
def multiclass_sign(AL, Y):
    return float(np.sum(Y * np.log(AL)) / Y.shape[1])


@mistake("compute_cost_multiclass", "The cost is averaged over all 10 x m entries: divide by m only (m = Y.shape[1]).")
def multiclass_mean_all(AL, Y):
    return float(-np.mean(Y * np.log(AL)))


@mistake("compute_cost_multiclass", "This is the binary cross-entropy: with softmax, J = -1/m sum(Y log AL) only.")
def multiclass_binary_formula(AL, Y):
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / Y.shape[1])


@mistake("softmax_backward", "dZ has an extra 1/m: the course puts 1/m in linear_backward, so dZ = AL - Y.")
def dZ_over_m(AL, Y):
    return (AL - Y) / Y.shape[1]


@mistake("softmax_backward", "dZ has the wrong sign: dZ = AL - Y.")
def dZ_sign(AL, Y):
    return Y - AL


def _forward(X, parameters, L):
    A, caches = X, []
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    ZL, linear_cache = linear_forward(A, parameters["W" + str(L)], parameters["b" + str(L)])
    return ZL, linear_cache, caches


def _backward(dZL, linear_cache, caches, L):
    grads = {}
    dA, grads["dW" + str(L)], grads["db" + str(L)] = linear_backward(dZL, linear_cache)
    for l in range(L - 1, 0, -1):
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], "relu")
    return grads


@mistake("train_digits", "The one-hot labels are (m, 10): transpose them, Y = np.eye(10)[y.ravel()].T, one column per example.")
def train_one_hot_transposed(X, y, layers_dims, learning_rate=0.5, num_iterations=1000, print_cost=False):
    Y = np.eye(layers_dims[-1])[y.ravel()]
    parameters = initialize_parameters_deep(layers_dims)
    L = len(layers_dims) - 1
    costs = []
    for i in range(num_iterations):
        ZL, linear_cache, caches = _forward(X, parameters, L)
        AL, _ = softmax(ZL)
        if i % 100 == 0:
            costs.append(compute_cost_multiclass(AL, Y))
        parameters = update_parameters(parameters, _backward(softmax_backward(AL, Y), linear_cache, caches, L), learning_rate)
    return parameters, costs


@mistake("train_digits", "The parameters never change: assign the result, parameters = update_parameters(...).")
def train_forgets_update(X, y, layers_dims, learning_rate=0.5, num_iterations=1000, print_cost=False):
    Y = np.eye(layers_dims[-1])[y.ravel()].T
    parameters = initialize_parameters_deep(layers_dims)
    L = len(layers_dims) - 1
    costs = []
    for i in range(num_iterations):
        ZL, linear_cache, caches = _forward(X, parameters, L)
        AL, _ = softmax(ZL)
        if i % 100 == 0:
            costs.append(compute_cost_multiclass(AL, Y))
        update_parameters(parameters, _backward(softmax_backward(AL, Y), linear_cache, caches, L), learning_rate)
    return parameters, costs


@mistake("train_digits", "costs must hold the cost every 100 iterations (i % 100 == 0), not at every iteration.")
def train_every_iteration(X, y, layers_dims, learning_rate=0.5, num_iterations=1000, print_cost=False):
    Y = np.eye(layers_dims[-1])[y.ravel()].T
    parameters = initialize_parameters_deep(layers_dims)
    L = len(layers_dims) - 1
    costs = []
    for i in range(num_iterations):
        ZL, linear_cache, caches = _forward(X, parameters, L)
        AL, _ = softmax(ZL)
        costs.append(compute_cost_multiclass(AL, Y))
        parameters = update_parameters(parameters, _backward(softmax_backward(AL, Y), linear_cache, caches, L), learning_rate)
    return parameters, costs


@mistake("train_digits", "The output layer uses sigmoid: for ten classes the last layer is LINEAR -> SOFTMAX.")
def train_sigmoid_output(X, y, layers_dims, learning_rate=0.5, num_iterations=1000, print_cost=False):
    Y = np.eye(layers_dims[-1])[y.ravel()].T
    parameters = initialize_parameters_deep(layers_dims)
    L = len(layers_dims) - 1
    costs = []
    for i in range(num_iterations):
        ZL, linear_cache, caches = _forward(X, parameters, L)
        AL, _ = sigmoid(ZL)
        if i % 100 == 0:
            costs.append(compute_cost_multiclass(AL, Y))
        parameters = update_parameters(parameters, _backward(AL - Y, linear_cache, caches, L), learning_rate)
    return parameters, costs
