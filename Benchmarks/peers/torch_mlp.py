"""The benchmark networks in PyTorch, eager mode as one would write them: nn.Linear layers,
F.cross_entropy, loss.backward(), torch.optim.SGD; evaluations under torch.no_grad().

Usage: python torch_mlp.py SPEC_DIRECTORY THREADS   (torch.set_num_threads(THREADS))
"""
import sys

import numpy as np
import torch
import torch.nn.functional as F

from common import Spec, Stopwatch, load_fashion_mnist, report


def network(weights):
    layers = []
    for index, w in enumerate(weights):
        linear = torch.nn.Linear(w.shape[0], w.shape[1])
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(w.T.copy()))  # nn.Linear stores (outputs, inputs)
            linear.bias.zero_()
        layers.append(linear)
        if index < len(weights) - 1:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


@torch.no_grad()
def accuracy(model, x, y):
    return (model(x).argmax(dim=1) == y).float().mean().item()


@torch.no_grad()
def probe_statistics(model, probe):
    statistics, h = [], probe
    for layer in model:
        h = layer(h)
        if isinstance(layer, torch.nn.ReLU):
            statistics.append((h.mean().item(), h.std(unbiased=False).item(), torch.quantile(h.flatten(), 0.98).item()))
    return statistics


def train(spec, weights, x, y, x_test, y_test, batches):
    model = network(weights)
    optimizer = torch.optim.SGD(model.parameters(), lr=spec.learning_rate)
    losses = []
    for iteration in range(spec.iterations):
        batch = batches[iteration]
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x[batch]), y[batch])
        loss.backward()
        losses.append(loss.item())
        if spec.logged(iteration):
            probe_statistics(model, x[:spec.probe_rows])
            accuracy(model, x[:spec.evaluation_rows], y[:spec.evaluation_rows])
            accuracy(model, x_test[:spec.test_rows], y_test[:spec.test_rows])
        optimizer.step()
    accuracy(model, x[:spec.evaluation_rows], y[:spec.evaluation_rows])
    return losses, accuracy(model, x_test[:spec.test_rows], y_test[:spec.test_rows])


def main():
    spec, threads = Spec(sys.argv[1]), int(sys.argv[2])
    torch.set_num_threads(threads)
    x, y, x_test, y_test = (torch.from_numpy(array) for array in load_fashion_mnist())
    batches = torch.from_numpy(spec.batches)
    results = []
    with Stopwatch() as watch:
        for name, weights in spec.networks:
            results.append((name, *train(spec, weights, x, y, x_test, y_test, batches)))
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {torch.backends.cpu.get_cpu_capability()}")
    report(watch.seconds, results)


if __name__ == "__main__":
    main()
