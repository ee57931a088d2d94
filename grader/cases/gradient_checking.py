"""Cases for ``gradient_checking``.

Gradient-check cases include correct gradients (a difference near 1e-9) and
gradients with a known bug (a difference near 1); softmax cases include
columns with values near 1000 (an unstable softmax overflows there) and
single-row inputs; train_digits runs a few hundred iterations on small data.
"""
import numpy as np

from ..paths import reference_module

ASSIGNMENT = "gradient_checking"

POINTS = {
    "dictionary_to_vector": 2,
    "gradient_check": 4,
    "softmax": 2,
    "compute_cost_multiclass": 2,
    "softmax_backward": 2,
    "train_digits": 5,
}

OUTPUTS = {
    "dictionary_to_vector": ("theta",),
    "gradient_check": ("difference",),
    "softmax": ("A", "cache"),
    "compute_cost_multiclass": ("cost",),
    "softmax_backward": ("dZ",),
    "train_digits": ("parameters", "costs"),
}

# Given in gc_utils.py and dnn_blocks.py (reference versions swap in when grading).
PROVIDED = ("vector_to_dictionary", "forward_propagation_n", "backward_propagation_n",
            "initialize_parameters_deep", "linear_forward", "linear_activation_forward",
            "linear_backward", "linear_activation_backward", "update_parameters", "relu", "sigmoid")


def _one_hot(labels, classes):
    return np.eye(classes)[labels].T


def _network(seed, n_x, n_h, n_y, m):
    rng = np.random.RandomState(seed)
    parameters = {"W1": rng.randn(n_h, n_x), "b1": rng.randn(n_h, 1) * 0.1,
                  "W2": rng.randn(n_y, n_h), "b2": rng.randn(n_y, 1) * 0.1}
    X = rng.randn(n_x, m)
    Y = _one_hot(rng.randint(0, n_y, m), n_y)
    return parameters, X, Y


def vector(seed, shapes):
    rng = np.random.RandomState(seed)
    return {"args": {"dictionary": {key: rng.randn(*shape) for key, shape in shapes.items()}}}


def check(seed, n_x, n_h, n_y, m, bug=None):
    ref = reference_module(ASSIGNMENT)
    parameters, X, Y = _network(seed, n_x, n_h, n_y, m)
    _, cache = ref.forward_propagation_n(X, Y, parameters)
    gradients = ref.backward_propagation_n(X, Y, cache)
    if bug == "dW2/2":
        gradients["dW2"] = gradients["dW2"] / 2
    elif bug == "db1*m":
        gradients["db1"] = gradients["db1"] * m
    return {"args": {"parameters": parameters, "gradients": gradients, "X": X, "Y": Y, "epsilon": 1e-7}}


def softmax_input(seed, n, m, shift=0.0):
    rng = np.random.RandomState(seed)
    return {"args": {"Z": rng.randn(n, m) * 3 + shift}}


def probabilities(seed, n, m):
    ref = reference_module(ASSIGNMENT)
    rng = np.random.RandomState(seed)
    AL, _ = ref.softmax(rng.randn(n, m))
    return {"args": {"AL": AL, "Y": _one_hot(rng.randint(0, n, m), n)}}


def training(seed, layers_dims, m, learning_rate, num_iterations):
    rng = np.random.RandomState(seed)
    X = rng.randn(layers_dims[0], m)
    y = rng.randint(0, layers_dims[-1], (1, m))
    return {"args": {"X": X, "y": y, "layers_dims": list(layers_dims), "learning_rate": learning_rate,
                     "num_iterations": num_iterations}, "np_seed": seed}


CASES = {
    "dictionary_to_vector": (vector, [dict(seed=1, shapes={"W1": (3, 2), "b1": (3, 1), "W2": (1, 3), "b2": (1, 1)})],
                             [dict(seed=7, shapes={"dW1": (2, 4), "db1": (2, 1)}),
                              dict(seed=8, shapes={"W1": (1, 1)}),
                              dict(seed=9, shapes={"b2": (3, 1), "W1": (2, 3), "W2": (3, 2), "b1": (2, 1)})]),
    "gradient_check": (check, [dict(seed=1, n_x=4, n_h=3, n_y=3, m=5), dict(seed=1, n_x=4, n_h=3, n_y=3, m=5, bug="dW2/2")],
                       [dict(seed=7, n_x=3, n_h=2, n_y=2, m=1), dict(seed=8, n_x=2, n_h=4, n_y=3, m=6, bug="db1*m"),
                        dict(seed=9, n_x=5, n_h=2, n_y=4, m=3, bug="dW2/2")]),
    "softmax": (softmax_input, [dict(seed=1, n=4, m=3)],
                [dict(seed=7, n=10, m=1), dict(seed=8, n=3, m=5, shift=1000.0), dict(seed=9, n=1, m=4)]),
    "compute_cost_multiclass": (probabilities, [dict(seed=1, n=4, m=3)],
                                [dict(seed=7, n=10, m=1), dict(seed=8, n=3, m=5), dict(seed=9, n=2, m=8)]),
    "softmax_backward": (probabilities, [dict(seed=1, n=4, m=3)],
                         [dict(seed=7, n=10, m=1), dict(seed=8, n=3, m=5), dict(seed=9, n=2, m=8)]),
    "train_digits": (training, [dict(seed=1, layers_dims=(6, 5, 3), m=12, learning_rate=0.5, num_iterations=201)],
                     [dict(seed=7, layers_dims=(4, 3), m=1, learning_rate=0.5, num_iterations=101),
                      dict(seed=8, layers_dims=(6, 4, 4, 3, 3), m=9, learning_rate=0.1, num_iterations=250),
                      dict(seed=9, layers_dims=(3, 1, 4), m=20, learning_rate=1.0, num_iterations=301)]),
}
