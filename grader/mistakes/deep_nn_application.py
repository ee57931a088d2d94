"""Known mistakes in ``deep_nn_application``'s training loops and predict.
Names such as ``L_model_forward`` used inside are supplied by the checker."""
import numpy as np

from . import mistake


@mistake("two_layer_model", "The parameters never change: assign the result, parameters = update_parameters(...).")
def two_layer_forgets_update(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mistake("two_layer_model", "costs must hold the cost every 100 iterations (i % 100 == 0), not at every iteration.")
def two_layer_every_iteration(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        costs.append(compute_cost(A2, Y))
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        parameters = update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}, learning_rate)
    return parameters, costs


@mistake("two_layer_model", "dA2 has the wrong sign: dA2 = -(Y / A2 - (1 - Y) / (1 - A2)), otherwise the cost goes up.")
def two_layer_dA2_sign(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        parameters = update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mistake("two_layer_model", 'The hidden layer uses sigmoid: the model is LINEAR -> RELU -> LINEAR -> SIGMOID.')
def two_layer_hidden_sigmoid(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "sigmoid")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "sigmoid")
        parameters = update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mistake("L_layer_model", "The parameters never change: assign the result, parameters = update_parameters(...).")
def deep_forgets_update(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mistake("L_layer_model", "costs must hold the cost every 100 iterations (i % 100 == 0), not at every iteration.")
def deep_every_iteration(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


@mistake("L_layer_model", "The parameters are initialised inside the loop: initialise once, before the loop.")
def deep_reinitialises(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    costs = []
    for i in range(num_iterations):
        parameters = initialize_parameters_deep(layers_dims)
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mistake("L_layer_model", 'The weights start at 0.01 scale: call initialize_parameters_deep(layers_dims), whose default is He.')
def deep_small_init(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    parameters = initialize_parameters_deep(layers_dims, "small")
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


@mistake("predict", "predict returns the probabilities AL: turn them into 0/1 with AL > 0.5.")
def predict_probabilities(X, y, parameters):
    AL, caches = L_model_forward(X, parameters)
    return AL


@mistake("predict", "The threshold is on the wrong side: predict 1 when AL > 0.5.")
def predict_inverted(X, y, parameters):
    AL, caches = L_model_forward(X, parameters)
    return (AL <= 0.5).astype(int)
