"""Known mistakes in ``planar_classifier``, one function each, written as students write them.
Names such as ``forward_propagation`` used inside are supplied by the checker."""
import numpy as np

from . import deep_nn_step_by_step as step
from . import mistake, share


@mistake("layer_sizes", "n_x is the number of rows of X (features), X.shape[0], not the number of examples.")
def sizes_from_columns(X, Y):
    return X.shape[1], 4, Y.shape[1]


@mistake("layer_sizes", "The hidden layer of this network has 4 units: n_h = 4.")
def sizes_wrong_hidden(X, Y):
    return X.shape[0], X.shape[0], Y.shape[0]


# initialize_parameters has the same contract as in deep_nn_step_by_step
share("planar_classifier", "initialize_parameters", step.init_rand, step.init_no_scale,
      step.init_transposed, step.init_flat_b)


@mistake("initialize_parameters", "The function calls np.random.seed itself: remove it, the caller seeds the generator.")
def init_seeded(n_x, n_h, n_y):
    np.random.seed(2)
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}


@mistake("forward_propagation", "The hidden layer uses sigmoid: this network's hidden layer is tanh, A1 = np.tanh(Z1).")
def hidden_sigmoid(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = sigmoid(Z1)[0]
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = sigmoid(Z2)[0]
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


@mistake("forward_propagation", "The output layer must be a sigmoid (a probability): A2 = sigmoid(Z2).")
def output_tanh(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = np.tanh(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


@mistake("forward_propagation", "Z2 is computed from Z1: the second layer takes the activations, Z2 = W2 A1 + b2.")
def z2_from_z1(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], Z1) + parameters["b2"]
    A2 = sigmoid(Z2)[0]
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


share("planar_classifier", "compute_cost", step.cost_sign, step.cost_not_averaged, step.cost_1x1)


@mistake("compute_cost", "Only the y = 1 term is there: add (1 - Y) * log(1 - A2) for the examples with y = 0.")
def cost_half(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2)) / m)


@mistake("backward_propagation", "dZ1 uses the sigmoid derivative: the hidden layer is tanh, so g'(Z1) = 1 - A1**2.")
def dZ1_sigmoid_derivative(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dZ1 = np.dot(parameters["W2"].T, dZ2) * A1 * (1 - A1)
    return {"dW1": np.dot(dZ1, X.T) / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
            "dW2": np.dot(dZ2, A1.T) / m, "db2": np.sum(dZ2, axis=1, keepdims=True) / m}


@mistake("backward_propagation", "dW is not divided by m (m = X.shape[1]).")
def dW_not_averaged(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1 ** 2)
    return {"dW1": np.dot(dZ1, X.T), "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
            "dW2": np.dot(dZ2, A1.T), "db2": np.sum(dZ2, axis=1, keepdims=True) / m}


@mistake("backward_propagation", "db is missing keepdims=True: its shape is (n,) instead of (n, 1).")
def db_no_keepdims(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1 ** 2)
    return {"dW1": np.dot(dZ1, X.T) / m, "db1": np.sum(dZ1, axis=1) / m,
            "dW2": np.dot(dZ2, A1.T) / m, "db2": np.sum(dZ2, axis=1) / m}


@mistake("backward_propagation", "dZ2 has the wrong sign: for a sigmoid output with cross-entropy, dZ2 = A2 - Y.")
def dZ2_sign(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = Y - A2
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - A1 ** 2)
    return {"dW1": np.dot(dZ1, X.T) / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
            "dW2": np.dot(dZ2, A1.T) / m, "db2": np.sum(dZ2, axis=1, keepdims=True) / m}


@mistake("update_parameters", "The update goes uphill: gradient descent subtracts, W = W - learning_rate * dW.")
def update_plus(parameters, grads, learning_rate=1.2):
    return {k: v + learning_rate * grads["d" + k] for k, v in parameters.items()}


@mistake("update_parameters", 'The gradients are stored as grads["dW1"], not grads["W1"].')
def update_reads_W_keys(parameters, grads, learning_rate=1.2):
    return {k: v - learning_rate * grads[k] for k, v in parameters.items()}


@mistake("update_parameters", "update_parameters changes the dict it was given: start with parameters = copy.deepcopy(parameters).")
def update_in_place(parameters, grads, learning_rate=1.2):
    for key in ("W1", "b1", "W2", "b2"):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters


@mistake("nn_model", "The parameters never change: assign the result, parameters = update_parameters(parameters, grads).")
def model_forgets_update(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        update_parameters(parameters, grads)
    return parameters


@mistake("nn_model", "The parameters are initialised inside the loop: initialise once, before the loop.")
def model_reinitialises(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x, _, n_y = layer_sizes(X, Y)
    for i in range(num_iterations):
        parameters = initialize_parameters(n_x, n_h, n_y)
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters


@mistake("nn_model", "The hidden layer size comes from layer_sizes (always 4): use the n_h argument.")
def model_ignores_n_h(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x, n_h, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters


@mistake("predict", "predict returns the probabilities A2: turn them into 0/1 with A2 > 0.5.")
def predict_probabilities(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2


@mistake("predict", "The threshold is on the wrong side: predict 1 when A2 > 0.5.")
def predict_inverted(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return (A2 < 0.5).astype(int)
