"""Course helpers for the notebooks: activations, data, plots and the public tests.

This module is given to students with every assignment. It contains no
solution code: the graded functions are yours to write.
"""
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from datasets import load_dataset, load_digits, load_faces, load_planar_dataset  # noqa: F401
from grader.checks import CheckFailed, run_public
from grader.display import show  # noqa: F401
from grader import serialize

PUBLIC_TESTS = Path(__file__).with_name("public_tests.json")


# -- activations: each returns (A, cache) with cache = Z ---------------------------

def sigmoid(Z):
    """A = 1 / (1 + e^-Z), elementwise; returns (A, Z)."""
    return 1 / (1 + np.exp(-Z)), Z


def relu(Z):
    """A = max(0, Z), elementwise; returns (A, Z)."""
    return np.maximum(0, Z), Z


def tanh(Z):
    """A = tanh(Z), elementwise; returns (A, Z)."""
    return np.tanh(Z), Z


# -- public tests --------------------------------------------------------------------

def public_case(name, index=0):
    """The arguments of a public test case, by name: the inputs of the examples."""
    return serialize.load(PUBLIC_TESTS)["functions"][name]["cases"][index]["args"]


def check(name, fn):
    """Run the public tests of graded function ``name`` on your ``fn``."""
    __tracebackhide__ = True
    run_public(name, fn, PUBLIC_TESTS)


def check_all(namespace):
    """Run every public test of this notebook and print one line per graded function.

    Call it from the last cell as ``check_all(globals())``."""
    functions = serialize.load(PUBLIC_TESTS)["functions"]
    rows, earned = [], 0
    for name, entry in functions.items():
        if name not in namespace:
            rows.append((name, entry["points"], "not defined", "run its cell first"))
            continue
        try:
            run_public(name, namespace[name], PUBLIC_TESTS, quiet=True)
            rows.append((name, entry["points"], "passed", ""))
            earned += entry["points"]
        except CheckFailed as failure:
            what, _, hint = str(failure).partition("\nHint: ")
            rows.append((name, entry["points"], "FAILED: " + what.split(": ", 1)[-1], hint))
    print()
    width = max(len(r[0]) for r in rows)
    print(f"{'function':<{width}}  pts  result")
    for name, points, result, hint in rows:
        print(f"{name:<{width}}  {points:>3}  {result}" + (f"\n{'':<{width}}       hint: {hint}" if hint else ""))
    total = sum(e["points"] for e in functions.values())
    print(f"\nPublic tests passed for {earned} of {total} points. Hidden tests decide the grade.")


# -- plots -------------------------------------------------------------------------------

def plot_costs(costs, every=100, title="Training cost"):
    """Learning curve: one cost every ``every`` iterations."""
    plt.figure(figsize=(5, 3))
    plt.plot(np.arange(len(costs)) * every, np.squeeze(costs))
    plt.xlabel("iteration")
    plt.ylabel("cost J")
    plt.title(title)
    plt.show()


def plot_decision_boundary(predict, X, Y, title=None):
    """Colour the plane by ``predict`` (a function of a (2, k) array) and scatter X (2, m)."""
    x_min, x_max = X[0].min() - 1, X[0].max() + 1
    y_min, y_max = X[1].min() - 1, X[1].max() + 1
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, 200), np.linspace(y_min, y_max, 200))
    Z = np.asarray(predict(np.c_[xx.ravel(), yy.ravel()].T)).reshape(xx.shape)
    plt.contourf(xx, yy, Z, cmap=plt.cm.Spectral, alpha=0.8)
    plt.scatter(X[0], X[1], c=np.squeeze(Y), s=12, cmap=plt.cm.Spectral, edgecolors="k", linewidths=0.3)
    if title:
        plt.title(title)


def show_images(x, y, classes, n=10, predicted=None):
    """A row of ``n`` images (m, h, w) with their labels (and predictions, if given)."""
    n = min(n, len(x))
    plt.figure(figsize=(1.4 * n, 1.8))
    for i, image in enumerate(x[:n]):
        plt.subplot(1, n, i + 1)
        plt.imshow(image, cmap="gray")
        label = classes[int(np.squeeze(y)[i])].decode()
        if predicted is not None:
            label = f"{label}\n(pred {classes[int(np.squeeze(predicted)[i])].decode()})"
        plt.title(label, fontsize=8)
        plt.axis("off")
    plt.show()
