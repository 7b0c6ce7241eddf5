"""What the peers share: the data, the benchmark spec that `initlab-bench export` writes (initial
weights and batch order drawn by InitLab), and the summary lines that compare.py reads.

Every peer trains the spec's networks one after another on the same batches and evaluates as
InitLab's Trainer does: probe statistics and accuracies at iteration 0 and before the last update
(with the parameters the step's gradients were computed from), and accuracies after the last one.
"""
import gzip
import json
import os
import time

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist"


def load_fashion_mnist():
    """Pixels / 255 as float32 rows of 784, labels as int64, in file order (as InitLab reads them)."""
    def images(kind):
        with gzip.open(f"{DATA}/{kind}-images-idx3-ubyte.gz") as f:
            return np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784).astype(np.float32) / np.float32(255)

    def labels(kind):
        with gzip.open(f"{DATA}/{kind}-labels-idx1-ubyte.gz") as f:
            return np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64)

    return images("train"), labels("train"), images("t10k"), labels("t10k")


class Spec:
    """A benchmark exported by `initlab-bench export NAME DIRECTORY`."""

    def __init__(self, directory):
        with open(os.path.join(directory, "spec.json")) as f:
            spec = json.load(f)
        self.name = spec["name"]
        self.widths = spec["widths"]
        self.iterations = spec["iterations"]
        self.batch_size = spec["batch_size"]
        self.learning_rate = spec["learning_rate"]
        self.evaluation_rows = spec["evaluation_rows"]
        self.test_rows = spec["test_rows"]
        self.probe_rows = spec["probe_rows"]
        self.batches = np.fromfile(os.path.join(directory, spec["batches"]), np.int32).astype(np.int64).reshape(
            self.iterations, self.batch_size)
        self.networks = []
        for network in spec["networks"]:
            weights = [np.fromfile(os.path.join(directory, file), np.float32).reshape(n_in, n_out)
                       for file, n_in, n_out in zip(network["weights"], self.widths, self.widths[1:])]
            self.networks.append((network["name"], weights))

    def logged(self, iteration):
        """Iterations whose step also records probe statistics and accuracies (as InitLab's Trainer)."""
        return iteration == 0 or iteration == self.iterations - 1


class Stopwatch:
    def __init__(self):
        self.seconds = 0.0

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_):
        self.seconds += time.perf_counter() - self.start


def report(seconds, results):
    """results: (network name, per-iteration losses, final test accuracy) per network."""
    print(f"training seconds: {seconds:.3f}")
    for name, losses, test_accuracy in results:
        tail = np.asarray(losses[-100:], dtype=np.float64)
        print(f"{name}: mean of last {len(tail)} losses {tail.mean():.4f}, test accuracy {test_accuracy:.4f}")
