"""Cases for ``deep_nn_application``: the training loops, checked on small fixed-seed
data with few iterations (costs and parameters against the reference), so grading
stays fast. Hidden cases use m = 1, one layer and four layers, width-1 layers."""
import numpy as np

ASSIGNMENT = "deep_nn_application"

POINTS = {"two_layer_model": 5, "L_layer_model": 5, "predict": 2}

OUTPUTS = {
    "two_layer_model": ("parameters", "costs"),
    "L_layer_model": ("parameters", "costs"),
    "predict": ("p",),
}

# The building blocks dnn_blocks.py gives the student (reference versions swap in when grading).
PROVIDED = ("initialize_parameters", "initialize_parameters_deep", "linear_activation_forward",
            "L_model_forward", "compute_cost", "linear_activation_backward", "L_model_backward",
            "update_parameters")


def _data(seed, n_x, m):
    rng = np.random.RandomState(seed)
    X = rng.randn(n_x, m)
    Y = (X[:1] + 0.5 * rng.randn(1, m) > 0).astype(float)   # learnable, but not perfectly
    return X, Y


def training(seed, layers_dims, m, learning_rate, num_iterations):
    X, Y = _data(seed, layers_dims[0], m)
    return {"args": {"X": X, "Y": Y, "layers_dims": list(layers_dims), "learning_rate": learning_rate,
                     "num_iterations": num_iterations}, "np_seed": seed}


def prediction(seed, layers_dims, m):
    X, Y = _data(seed, layers_dims[0], m)
    rng = np.random.RandomState(seed + 500)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters[f"W{l}"] = rng.randn(layers_dims[l], layers_dims[l - 1])
        parameters[f"b{l}"] = rng.randn(layers_dims[l], 1) * 0.1
    return {"args": {"X": X, "y": Y, "parameters": parameters}}


CASES = {
    "two_layer_model": (training, [dict(seed=1, layers_dims=(5, 4, 1), m=12, learning_rate=0.1, num_iterations=201)],
                        [dict(seed=7, layers_dims=(3, 1, 1), m=1, learning_rate=0.5, num_iterations=101),
                         dict(seed=8, layers_dims=(4, 6, 1), m=9, learning_rate=0.3, num_iterations=250),
                         dict(seed=9, layers_dims=(2, 3, 1), m=20, learning_rate=1.0, num_iterations=301)]),
    "L_layer_model": (training, [dict(seed=1, layers_dims=(5, 4, 3, 1), m=12, learning_rate=0.1, num_iterations=201)],
                      [dict(seed=7, layers_dims=(3, 1), m=1, learning_rate=0.5, num_iterations=101),
                       dict(seed=8, layers_dims=(4, 5, 3, 2, 1), m=9, learning_rate=0.05, num_iterations=250),
                       dict(seed=9, layers_dims=(2, 1, 1), m=20, learning_rate=0.5, num_iterations=301)]),
    "predict": (prediction, [dict(seed=1, layers_dims=(5, 4, 3, 1), m=10)],
                [dict(seed=7, layers_dims=(3, 1), m=1), dict(seed=8, layers_dims=(4, 5, 3, 2, 1), m=9),
                 dict(seed=9, layers_dims=(2, 1, 1), m=15)]),
}
