"""The benchmark networks in NumPy (OpenBLAS; threads from OPENBLAS_NUM_THREADS): hand-written
forward and backward passes, float32 throughout.

Usage: python numpy_mlp.py SPEC_DIRECTORY
"""
import sys

import numpy as np

from common import Spec, Stopwatch, load_fashion_mnist, report


def forward(params, x):
    activations = [x]
    for index, (w, b) in enumerate(params):
        h = activations[-1] @ w + b
        activations.append(np.maximum(h, 0) if index < len(params) - 1 else h)
    return activations


def loss_and_delta(logits, labels):
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    total = exp.sum(axis=1, keepdims=True)
    rows = np.arange(len(labels))
    loss = np.mean(np.log(total[:, 0]) - shifted[rows, labels])
    delta = exp / total
    delta[rows, labels] -= 1
    return loss, delta / np.float32(len(labels))


def accuracy(params, x, y):
    return float(np.mean(np.argmax(forward(params, x)[-1], axis=1) == y))


def probe_statistics(params, probe):
    return [(float(a.mean()), float(a.std()), float(np.percentile(a, 98))) for a in forward(params, probe)[1:-1]]


def train(spec, weights, x, y, x_test, y_test):
    params = [(w.copy(), np.zeros(w.shape[1], np.float32)) for w in weights]
    lr = np.float32(spec.learning_rate)
    losses = []
    for iteration, batch in enumerate(spec.batches):
        activations = forward(params, x[batch])
        loss, delta = loss_and_delta(activations[-1], y[batch])
        losses.append(float(loss))
        gradients = []
        for index in range(len(params) - 1, -1, -1):
            w, _ = params[index]
            gradients.append((activations[index].T @ delta, delta.sum(axis=0)))
            if index > 0:
                delta = (delta @ w.T) * (activations[index] > 0)
        if spec.logged(iteration):
            probe_statistics(params, x[:spec.probe_rows])
            accuracy(params, x[:spec.evaluation_rows], y[:spec.evaluation_rows])
            accuracy(params, x_test[:spec.test_rows], y_test[:spec.test_rows])
        params = [(w - lr * gw, b - lr * gb) for (w, b), (gw, gb) in zip(params, reversed(gradients))]
    accuracy(params, x[:spec.evaluation_rows], y[:spec.evaluation_rows])
    return losses, accuracy(params, x_test[:spec.test_rows], y_test[:spec.test_rows])


def main():
    spec = Spec(sys.argv[1])
    x, y, x_test, y_test = load_fashion_mnist()
    results = []
    with Stopwatch() as watch:
        for name, weights in spec.networks:
            results.append((name, *train(spec, weights, x, y, x_test, y_test)))
    report(watch.seconds, results)


if __name__ == "__main__":
    main()
