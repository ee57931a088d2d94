"""Training speed: the reference NumPy L-layer network vs the same network in PyTorch (CPU).

    pip install torch==2.13.0        # optional extra, not needed by the course
    python benchmarks/training.py [--task digits|faces] [--iterations N] [--repeat R]

Same data, same initial weights, same iterations, float64, full-batch gradient
descent. Asserts that both reach the same final cost (1e-6 relative), then
prints the time of each (best of R runs, measured side by side in this run)
and the ratio NumPy / PyTorch. Goal: NumPy within 1.2x of PyTorch.
"""
import argparse
import sys
import time

import numpy as np

from datasets import load_digits, load_faces
from grader.paths import reference

TASKS = {"digits": (lambda: load_digits(binary=True), [64, 20, 7, 5, 1], 0.05),
         "faces": (load_faces, [625, 20, 7, 5, 1], 0.0075)}


def data(task):
    train_x, train_y, *_ = TASKS[task][0]()
    return train_x.reshape(train_x.shape[0], -1).T / 255, train_y.astype(float)


def train_numpy(X, Y, parameters, learning_rate, iterations):
    ref = reference().step_by_step
    for _ in range(iterations):
        AL, caches = ref.L_model_forward(X, parameters)
        grads = ref.L_model_backward(AL, Y, caches)
        parameters = ref.update_parameters(parameters, grads, learning_rate)
    return ref.compute_cost(ref.L_model_forward(X, parameters)[0], Y)


def train_torch(X, Y, parameters, learning_rate, iterations):
    import torch
    X, Y = torch.from_numpy(X), torch.from_numpy(Y)
    L = len(parameters) // 2
    weights = [(torch.from_numpy(parameters[f"W{l}"]).clone().requires_grad_(),
                torch.from_numpy(parameters[f"b{l}"]).clone().requires_grad_()) for l in range(1, L + 1)]

    def forward():
        A = X
        for l, (W, b) in enumerate(weights, 1):
            Z = W @ A + b
            A = torch.sigmoid(Z) if l == L else torch.relu(Z)
        return A

    def cost(AL):
        return -(Y * torch.log(AL) + (1 - Y) * torch.log(1 - AL)).mean()

    for _ in range(iterations):
        J = cost(forward())
        grads = torch.autograd.grad(J, [p for pair in weights for p in pair])
        with torch.no_grad():
            for p, g in zip([p for pair in weights for p in pair], grads):
                p -= learning_rate * g
    with torch.no_grad():
        return float(cost(forward()))


def best_time(fn, repeat):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--task", choices=TASKS, default="digits")
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    try:
        import torch
    except ImportError:
        sys.exit("PyTorch is not installed: pip install torch==2.13.0 (an optional extra of this benchmark).")

    X, Y = data(args.task)
    layer_dims, learning_rate = TASKS[args.task][1], TASKS[args.task][2]
    np.random.seed(1)
    initial = reference().training.initialize_parameters_deep(layer_dims)
    run_np = lambda: train_numpy(X, Y, {k: v.copy() for k, v in initial.items()}, learning_rate, args.iterations)
    run_pt = lambda: train_torch(X, Y, initial, learning_rate, args.iterations)
    run_np(), run_pt()                                   # warm up both
    t_np, cost_np = best_time(run_np, args.repeat)
    t_pt, cost_pt = best_time(run_pt, args.repeat)
    assert abs(cost_np - cost_pt) <= 1e-6 * abs(cost_pt), (cost_np, cost_pt)
    print(f"task {args.task}: X {X.shape}, layers {layer_dims}, {args.iterations} iterations, float64, full batch")
    print(f"threads: torch {torch.get_num_threads()}; final cost numpy {cost_np:.12f} torch {cost_pt:.12f}")
    print(f"numpy {t_np:.3f} s   torch {t_pt:.3f} s   ratio numpy/torch = {t_np / t_pt:.2f}"
          f"  (goal <= 1.2: {'met' if t_np / t_pt <= 1.2 else 'not met'})")


if __name__ == "__main__":
    main()
