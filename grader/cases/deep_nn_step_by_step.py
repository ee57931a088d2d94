"""Cases for ``deep_nn_step_by_step``.

Public specs use seed 1 (shown in the notebook); hidden specs use other seeds
and other shapes: m = 1, one layer and four layers, layers of width 1, and a
square W (so that a transposed W still has the right shape). Caches and
gradients always come from a real forward / backward pass of the same inputs,
so every correct shortcut (``dZ = AL - Y``, ``1 - A**2``) agrees with them.
"""
import numpy as np

from ..paths import reference_module

ASSIGNMENT = "deep_nn_step_by_step"

POINTS = {
    "initialize_parameters": 2,
    "initialize_parameters_deep": 3,
    "linear_forward": 2,
    "relu_backward": 1,
    "sigmoid_backward": 1,
    "tanh_backward": 1,
    "linear_activation_forward": 3,
    "L_model_forward": 3,
    "compute_cost": 2,
    "linear_backward": 3,
    "linear_activation_backward": 3,
    "L_model_backward": 4,
    "update_parameters": 2,
}

OUTPUTS = {
    "initialize_parameters": ("parameters",),
    "initialize_parameters_deep": ("parameters",),
    "linear_forward": ("Z", "cache"),
    "relu_backward": ("dZ",),
    "sigmoid_backward": ("dZ",),
    "tanh_backward": ("dZ",),
    "linear_activation_forward": ("A", "cache"),
    "L_model_forward": ("AL", "caches"),
    "compute_cost": ("cost",),
    "linear_backward": ("dA_prev", "dW", "db"),
    "linear_activation_backward": ("dA_prev", "dW", "db"),
    "L_model_backward": ("grads",),
    "update_parameters": ("parameters",),
}

# Names the notebook's first cell gives the student (from the helper module).
PROVIDED = ("sigmoid", "relu", "tanh")


def _network(seed, layer_dims, m):
    rng = np.random.RandomState(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.randn(layer_dims[l], layer_dims[l - 1]) * 0.5
        parameters[f"b{l}"] = rng.randn(layer_dims[l], 1) * 0.5
    X = rng.randn(layer_dims[0], m)
    Y = (rng.rand(1, m) > 0.5).astype(float)
    return parameters, X, Y


def _linear(seed, n_prev, n, m):
    rng = np.random.RandomState(seed)
    return rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1)


# -- builders: spec -> {"args": {name: value, ...}, "np_seed": seed or None} --

def init_2layer(seed, n_x, n_h, n_y):
    return {"args": {"n_x": n_x, "n_h": n_h, "n_y": n_y}, "np_seed": seed}


def init_deep(seed, layer_dims):
    return {"args": {"layer_dims": list(layer_dims)}, "np_seed": seed}


def linear(seed, n_prev, n, m):
    A, W, b = _linear(seed, n_prev, n, m)
    return {"args": {"A": A, "W": W, "b": b}}


def activation_backward(seed, n, m):
    rng = np.random.RandomState(seed)
    return {"args": {"dA": rng.randn(n, m), "cache": rng.randn(n, m)}}


def linear_activation(seed, n_prev, n, m, activation):
    A_prev, W, b = _linear(seed, n_prev, n, m)
    return {"args": {"A_prev": A_prev, "W": W, "b": b, "activation": activation}}


def model_forward(seed, layer_dims, m):
    parameters, X, _ = _network(seed, layer_dims, m)
    return {"args": {"X": X, "parameters": parameters}}


def cost(seed, m):
    rng = np.random.RandomState(seed)
    AL = 1 / (1 + np.exp(-rng.randn(1, m)))
    Y = (rng.rand(1, m) > 0.5).astype(float)
    return {"args": {"AL": AL, "Y": Y}}


def linear_back(seed, n_prev, n, m):
    ref = reference_module(ASSIGNMENT)
    A_prev, W, b = _linear(seed, n_prev, n, m)
    _, cache = ref.linear_forward(A_prev, W, b)
    dZ = np.random.RandomState(seed + 1000).randn(n, m)
    return {"args": {"dZ": dZ, "cache": cache}}


def linear_activation_back(seed, n_prev, n, m, activation):
    ref = reference_module(ASSIGNMENT)
    A_prev, W, b = _linear(seed, n_prev, n, m)
    _, cache = ref.linear_activation_forward(A_prev, W, b, activation)
    dA = np.random.RandomState(seed + 1000).randn(n, m)
    return {"args": {"dA": dA, "cache": cache, "activation": activation}}


def model_backward(seed, layer_dims, m):
    ref = reference_module(ASSIGNMENT)
    parameters, X, Y = _network(seed, layer_dims, m)
    AL, caches = ref.L_model_forward(X, parameters)
    return {"args": {"AL": AL, "Y": Y, "caches": caches}}


def update(seed, layer_dims, m, learning_rate):
    ref = reference_module(ASSIGNMENT)
    parameters, X, Y = _network(seed, layer_dims, m)
    AL, caches = ref.L_model_forward(X, parameters)
    grads = ref.L_model_backward(AL, Y, caches)
    return {"args": {"parameters": parameters, "grads": grads, "learning_rate": learning_rate}}


def _each_activation(specs):
    return [dict(spec, activation=a) for spec in specs for a in ("sigmoid", "relu", "tanh")]


NETWORKS_HIDDEN = [dict(seed=7, layer_dims=[3, 1], m=1),
                   dict(seed=8, layer_dims=[4, 3, 3, 2, 1], m=3),
                   dict(seed=9, layer_dims=[2, 1, 1], m=5)]
NETWORK_PUBLIC = [dict(seed=1, layer_dims=[5, 4, 3, 1], m=4)]
LINEAR_HIDDEN = [dict(seed=7, n_prev=4, n=3, m=1), dict(seed=8, n_prev=1, n=1, m=5),
                 dict(seed=9, n_prev=3, n=3, m=3)]
ACTIVATION_HIDDEN = [dict(seed=7, n=3, m=1), dict(seed=8, n=1, m=4), dict(seed=9, n=4, m=5)]

CASES = {
    "initialize_parameters": (init_2layer, [dict(seed=1, n_x=3, n_h=2, n_y=1)],
                              [dict(seed=7, n_x=4, n_h=3, n_y=2), dict(seed=8, n_x=1, n_h=1, n_y=1),
                               dict(seed=9, n_x=3, n_h=3, n_y=3)]),
    "initialize_parameters_deep": (init_deep, [dict(seed=1, layer_dims=[5, 4, 3])],
                                   [dict(seed=7, layer_dims=[2, 1]), dict(seed=8, layer_dims=[4, 3, 3, 2, 1]),
                                    dict(seed=9, layer_dims=[3, 3, 1])]),
    "linear_forward": (linear, [dict(seed=1, n_prev=3, n=1, m=2)], LINEAR_HIDDEN),
    "relu_backward": (activation_backward, [dict(seed=1, n=2, m=3)], ACTIVATION_HIDDEN),
    "sigmoid_backward": (activation_backward, [dict(seed=1, n=2, m=3)], ACTIVATION_HIDDEN),
    "tanh_backward": (activation_backward, [dict(seed=1, n=2, m=3)], ACTIVATION_HIDDEN),
    "linear_activation_forward": (linear_activation, _each_activation([dict(seed=1, n_prev=3, n=1, m=2)]),
                                  _each_activation(LINEAR_HIDDEN)),
    "L_model_forward": (model_forward, NETWORK_PUBLIC, NETWORKS_HIDDEN),
    "compute_cost": (cost, [dict(seed=1, m=3)], [dict(seed=7, m=1), dict(seed=8, m=5), dict(seed=9, m=8)]),
    "linear_backward": (linear_back, [dict(seed=1, n_prev=3, n=2, m=4)], LINEAR_HIDDEN),
    "linear_activation_backward": (linear_activation_back, _each_activation([dict(seed=1, n_prev=3, n=2, m=4)]),
                                   _each_activation(LINEAR_HIDDEN)),
    "L_model_backward": (model_backward, NETWORK_PUBLIC, NETWORKS_HIDDEN),
    "update_parameters": (update, [dict(NETWORK_PUBLIC[0], learning_rate=0.1)],
                          [dict(NETWORKS_HIDDEN[0], learning_rate=0.5),
                           dict(NETWORKS_HIDDEN[1], learning_rate=0.01),
                           dict(NETWORKS_HIDDEN[2], learning_rate=1.2)]),
}
