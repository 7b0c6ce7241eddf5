"""The textbook MNIST comparison in NumPy, for `make bench`.

Same work as `initlab-bench textbook`: Fashion-MNIST (pixels / 255, flattened), a ReLU MLP
784-100-100-100-100-100-10, softmax cross-entropy, plain SGD (lr 0.01), batch 128, 2000
iterations, for three initializations (std 0.01, Xavier 1/sqrt(n), He sqrt(2/n)), the same
epoch-shuffled batches for all three, float32 throughout. Records every iteration's loss, and
train/test accuracy and probe-batch activation statistics at the start and at the end.
"""
import gzip
import sys

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist"


def load(kind):
    with gzip.open(f"{DATA}/{kind}-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(f"{DATA}/{kind}-labels-idx1-ubyte.gz") as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return images.astype(np.float32) / np.float32(255), labels.astype(np.int64)


def forward(params, x, keep=False):
    activations = [x]
    h = x
    for index, (w, b) in enumerate(params):
        h = h @ w + b
        if index < len(params) - 1:
            h = np.maximum(h, 0)
        activations.append(h)
    return activations if keep else h


def loss_and_gradient(logits, labels):
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    total = exp.sum(axis=1, keepdims=True)
    rows = np.arange(len(labels))
    loss = np.mean(np.log(total[:, 0]) - shifted[rows, labels])
    gradient = exp / total
    gradient[rows, labels] -= 1
    return loss, gradient / np.float32(len(labels))


def accuracy(params, x, y):
    return float(np.mean(np.argmax(forward(params, x), axis=1) == y))


def probe_statistics(params, probe):
    activations = forward(params, probe, keep=True)[1:-1]
    return [(float(a.mean()), float(a.std()), float(np.percentile(a, 98))) for a in activations]


def train(name, scale, x, y, x_test, y_test, iterations, rng):
    widths = [784, 100, 100, 100, 100, 100, 10]
    params = []
    for n_in, n_out in zip(widths, widths[1:]):
        std = scale(n_in)
        params.append((rng.standard_normal((n_in, n_out), dtype=np.float32) * np.float32(std), np.zeros(n_out, np.float32)))
    probe = x[:1000]
    statistics = [probe_statistics(params, probe)]
    evaluations = [(accuracy(params, x[:10000], y[:10000]), accuracy(params, x_test, y_test))]
    shuffle = np.random.default_rng(1)
    order, position, losses = shuffle.permutation(len(x)), 0, []
    lr = np.float32(0.01)
    for _ in range(iterations):
        if position + 128 > len(x):
            order, position = shuffle.permutation(len(x)), 0
        batch = order[position:position + 128]
        position += 128
        activations = forward(params, x[batch], keep=True)
        loss, delta = loss_and_gradient(activations[-1], y[batch])
        losses.append(loss)
        for index in range(len(params) - 1, -1, -1):
            w, b = params[index]
            grad_w = activations[index].T @ delta
            grad_b = delta.sum(axis=0)
            if index > 0:
                delta = (delta @ w.T) * (activations[index] > 0)
            params[index] = (w - lr * grad_w, b - lr * grad_b)
    statistics.append(probe_statistics(params, probe))
    evaluations.append((accuracy(params, x[:10000], y[:10000]), accuracy(params, x_test, y_test)))
    print(f"{name}: mean of last 100 losses {np.mean(losses[-100:]):.4f}, test accuracy {evaluations[-1][1]:.4f}")


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    x, y = load("train")
    x_test, y_test = load("t10k")
    rng = np.random.default_rng(0)
    for name, scale in [("std 0.01", lambda n: 0.01), ("Xavier", lambda n: 1 / np.sqrt(n)), ("He", lambda n: np.sqrt(2 / n))]:
        train(name, scale, x, y, x_test, y_test, iterations, rng)


if __name__ == "__main__":
    main()
