"""Helpers for gradient_checking: the two-layer digits network with ten sigmoid
outputs, the inverse of dictionary_to_vector, and plots for ten classes."""
import matplotlib.pyplot as plt
import numpy as np


def vector_to_dictionary(theta, like):
    """Cut the column theta (n, 1) back into arrays shaped like the dict ``like`` (same key order)."""
    pieces, offset = {}, 0
    for name, array in like.items():
        count = int(np.size(array))
        pieces[name] = theta[offset:offset + count].reshape(np.shape(array))
        offset += count
    return pieces


def forward_propagation_n(X, Y, parameters):
    """LINEAR -> RELU -> LINEAR -> ten SIGMOIDs. Returns (cost, cache); the cost is the
    binary cross-entropy summed over the outputs and averaged over the m examples."""
    hidden_in = parameters["W1"] @ X + parameters["b1"]
    hidden = np.maximum(hidden_in, 0)
    out_in = parameters["W2"] @ hidden + parameters["b2"]
    out = 1 / (1 + np.exp(-out_in))
    losses = Y * np.log(out) + (1 - Y) * np.log(1 - out)
    return float(-losses.sum() / X.shape[1]), (hidden_in, hidden, out_in, out, parameters)


def backward_propagation_n(X, Y, cache):
    """The correct gradients of forward_propagation_n's cost."""
    hidden_in, hidden, _, out, parameters = cache
    count = X.shape[1]
    delta_out = out - Y
    delta_hidden = (parameters["W2"].T @ delta_out) * (hidden_in > 0)
    return {"dW1": delta_hidden @ X.T / count, "db1": delta_hidden.sum(axis=1, keepdims=True) / count,
            "dW2": delta_out @ hidden.T / count, "db2": delta_out.sum(axis=1, keepdims=True) / count}


def check_each_parameter(gradient_check, parameters, gradients, X, Y):
    """Run your gradient_check on one parameter at a time, the others held fixed.

    It rebinds forward_propagation_n, for the duration of each call, to a version
    that fills in the parameters not being checked; returns {key: difference}."""
    namespace = gradient_check.__globals__
    full_forward = namespace.get("forward_propagation_n", forward_propagation_n)
    differences = {}
    for key in parameters:
        namespace["forward_propagation_n"] = lambda X_, Y_, part: full_forward(X_, Y_, {**parameters, **part})
        try:
            differences[key] = gradient_check({key: parameters[key]}, gradients, X, Y)
        finally:
            namespace["forward_propagation_n"] = full_forward
    return differences


def plot_confusion_matrix(y_true, y_pred, classes=10):
    """Counts of (true class, predicted class) pairs; the diagonal holds the right answers."""
    counts = np.zeros((classes, classes), dtype=int)
    np.add.at(counts, (np.ravel(y_true), np.ravel(y_pred)), 1)
    plt.figure(figsize=(4.5, 4))
    plt.imshow(counts, cmap="Blues")
    for i in range(classes):
        for j in range(classes):
            if counts[i, j]:
                plt.text(j, i, counts[i, j], ha="center", va="center", fontsize=7,
                         color="white" if counts[i, j] > counts.max() / 2 else "black")
    plt.xlabel("predicted digit")
    plt.ylabel("true digit")
    plt.xticks(range(classes))
    plt.yticks(range(classes))
    plt.title("Confusion matrix (test set)")
    plt.show()
    return counts
