"""Cases for ``planar_classifier``: one hidden tanh layer, a sigmoid output.

Public specs use seed 1; hidden specs use other seeds and shapes (m = 1, a
hidden layer of width 1, several outputs for the shape-only functions). Caches
come from a real forward pass and gradients from a real backward pass.
"""
import numpy as np

from ..paths import reference_module

ASSIGNMENT = "planar_classifier"

POINTS = {
    "layer_sizes": 1,
    "initialize_parameters": 2,
    "forward_propagation": 3,
    "compute_cost": 2,
    "backward_propagation": 4,
    "update_parameters": 2,
    "nn_model": 4,
    "predict": 2,
}

OUTPUTS = {
    "layer_sizes": ("n_x", "n_h", "n_y"),
    "initialize_parameters": ("parameters",),
    "forward_propagation": ("A2", "cache"),
    "compute_cost": ("cost",),
    "backward_propagation": ("grads",),
    "update_parameters": ("parameters",),
    "nn_model": ("parameters",),
    "predict": ("predictions",),
}

PROVIDED = ("sigmoid",)


def _data(seed, n_x, m):
    rng = np.random.RandomState(seed)
    X = rng.randn(n_x, m)
    Y = (rng.rand(1, m) > 0.5).astype(float)
    return X, Y


def _parameters(seed, n_x, n_h, n_y=1):
    rng = np.random.RandomState(seed + 500)
    return {"W1": rng.randn(n_h, n_x) * 0.5, "b1": rng.randn(n_h, 1) * 0.5,
            "W2": rng.randn(n_y, n_h) * 0.5, "b2": rng.randn(n_y, 1) * 0.5}


def sizes(seed, n_x, n_y, m):
    rng = np.random.RandomState(seed)
    return {"args": {"X": rng.randn(n_x, m), "Y": rng.randn(n_y, m)}}


def init(seed, n_x, n_h, n_y):
    return {"args": {"n_x": n_x, "n_h": n_h, "n_y": n_y}, "np_seed": seed}


def forward(seed, n_h, m):
    X, _ = _data(seed, 2, m)
    return {"args": {"X": X, "parameters": _parameters(seed, 2, n_h)}}


def cost(seed, m):
    rng = np.random.RandomState(seed)
    A2 = 1 / (1 + np.exp(-rng.randn(1, m)))
    return {"args": {"A2": A2, "Y": (rng.rand(1, m) > 0.5).astype(float)}}


def backward(seed, n_h, m):
    ref = reference_module(ASSIGNMENT)
    X, Y = _data(seed, 2, m)
    parameters = _parameters(seed, 2, n_h)
    _, cache = ref.forward_propagation(X, parameters)
    return {"args": {"parameters": parameters, "cache": cache, "X": X, "Y": Y}}


def update(seed, n_h, m, learning_rate):
    ref = reference_module(ASSIGNMENT)
    args = backward(seed, n_h, m)["args"]
    grads = ref.backward_propagation(**args)
    return {"args": {"parameters": args["parameters"], "grads": grads, "learning_rate": learning_rate}}


def model(seed, n_h, m, num_iterations):
    X, Y = _data(seed, 2, m)
    return {"args": {"X": X, "Y": Y, "n_h": n_h, "num_iterations": num_iterations}, "np_seed": seed}


def prediction(seed, n_h, m):
    X, _ = _data(seed, 2, m)
    parameters = _parameters(seed, 2, n_h)
    parameters["b2"] = parameters["b2"] * 0    # keep both classes in play
    return {"args": {"parameters": parameters, "X": 3 * X}}


CASES = {
    "layer_sizes": (sizes, [dict(seed=1, n_x=5, n_y=2, m=3)],
                   [dict(seed=7, n_x=2, n_y=1, m=1), dict(seed=8, n_x=3, n_y=1, m=6),
                    dict(seed=9, n_x=1, n_y=3, m=4)]),
    "initialize_parameters": (init, [dict(seed=1, n_x=2, n_h=4, n_y=1)],
                              [dict(seed=7, n_x=2, n_h=1, n_y=1), dict(seed=8, n_x=3, n_h=5, n_y=2),
                               dict(seed=9, n_x=4, n_h=4, n_y=4)]),
    "forward_propagation": (forward, [dict(seed=1, n_h=4, m=3)],
                            [dict(seed=7, n_h=1, m=1), dict(seed=8, n_h=5, m=4), dict(seed=9, n_h=2, m=7)]),
    "compute_cost": (cost, [dict(seed=1, m=3)], [dict(seed=7, m=1), dict(seed=8, m=5), dict(seed=9, m=8)]),
    "backward_propagation": (backward, [dict(seed=1, n_h=4, m=3)],
                             [dict(seed=7, n_h=1, m=1), dict(seed=8, n_h=5, m=4), dict(seed=9, n_h=2, m=7)]),
    "update_parameters": (update, [dict(seed=1, n_h=4, m=3, learning_rate=1.2)],
                          [dict(seed=7, n_h=1, m=1, learning_rate=0.5), dict(seed=8, n_h=5, m=4, learning_rate=0.01),
                           dict(seed=9, n_h=2, m=7, learning_rate=2.0)]),
    "nn_model": (model, [dict(seed=1, n_h=4, m=5, num_iterations=10)],
                 [dict(seed=7, n_h=1, m=1, num_iterations=3), dict(seed=8, n_h=5, m=6, num_iterations=20),
                  dict(seed=9, n_h=3, m=9, num_iterations=7)]),
    "predict": (prediction, [dict(seed=1, n_h=4, m=6)],
                [dict(seed=7, n_h=1, m=1), dict(seed=8, n_h=5, m=9), dict(seed=9, n_h=2, m=12)]),
}
