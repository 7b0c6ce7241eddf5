"""The benchmark networks in JAX: jax.grad of a plain loss, plain SGD, in one of two forms:
- jit: one jitted (buffer-donating) training step called from a Python loop;
- scan: all steps between two evaluations in one jitted lax.scan.
Every function is compiled ahead of time, before the training is timed ("compile seconds").

Usage: python jax_mlp.py SPEC_DIRECTORY THREADS jit|scan
(THREADS=1 turns off XLA's multi-threaded Eigen; compare.py also pins such runs to one core.)
"""
import os
import sys

if len(sys.argv) > 2 and sys.argv[2] == "1":
    os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") +
                               " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1").strip()

import jax
import jax.numpy as jnp
import numpy as np

from common import Spec, Stopwatch, load_fashion_mnist, report


def forward(params, x):
    activations = [x]
    for index, (w, b) in enumerate(params):
        h = activations[-1] @ w + b
        activations.append(jax.nn.relu(h) if index < len(params) - 1 else h)
    return activations


def loss(params, x, y):
    logits = forward(params, x)[-1]
    return -jnp.mean(jnp.take_along_axis(jax.nn.log_softmax(logits), y[:, None], axis=1))


def sgd_step(params, x, y, batch, lr):
    value, gradients = jax.value_and_grad(loss)(params, x[batch], y[batch])
    return jax.tree_util.tree_map(lambda p, g: p - lr * g, params, gradients), value


def accuracy(params, x, y):
    return jnp.mean(jnp.argmax(forward(params, x)[-1], axis=1) == y)


def probe_statistics(params, probe):
    return [(a.mean(), a.std(), jnp.percentile(a, 98)) for a in forward(params, probe)[1:-1]]


def main():
    spec, mode = Spec(sys.argv[1]), sys.argv[3]
    x, y, x_test, y_test = (jnp.asarray(array) for array in load_fashion_mnist())
    x_eval, y_eval = x[:spec.evaluation_rows], y[:spec.evaluation_rows]
    x_test, y_test = x_test[:spec.test_rows], y_test[:spec.test_rows]
    probe = x[:spec.probe_rows]
    lr = np.float32(spec.learning_rate)
    batches = jnp.asarray(spec.batches.astype(np.int32))
    initial = [[(jnp.asarray(w), jnp.zeros(w.shape[1], jnp.float32)) for w in weights] for _, weights in spec.networks]

    with Stopwatch() as compile_watch:
        step = jax.jit(lambda p, b: sgd_step(p, x, y, b, lr), donate_argnums=0).lower(initial[0], batches[0]).compile()
        if mode == "scan":
            scan = jax.jit(lambda p, bs: jax.lax.scan(lambda q, b: sgd_step(q, x, y, b, lr), p, bs),
                           donate_argnums=0).lower(initial[0], batches[:-1]).compile()
        evaluate = jax.jit(lambda p: (accuracy(p, x_eval, y_eval), accuracy(p, x_test, y_test))).lower(
            initial[0]).compile()
        statistics = jax.jit(lambda p: probe_statistics(p, probe)).lower(initial[0]).compile()

    def logged(params):
        jax.block_until_ready((statistics(params), evaluate(params)))

    results = []
    with Stopwatch() as watch:
        for (name, _), start in zip(spec.networks, initial):
            params = jax.tree_util.tree_map(jnp.copy, start)
            losses = []
            logged(params)  # iteration 0, before its update
            if mode == "scan":
                params, values = scan(params, batches[:-1])
                losses.extend(np.asarray(values).tolist())
            else:
                for iteration in range(spec.iterations - 1):
                    params, value = step(params, batches[iteration])
                    losses.append(value)
            logged(params)  # the last iteration, before its update
            params, value = step(params, batches[-1])
            losses.append(value)
            _, test_accuracy = evaluate(params)
            results.append((name, [float(v) for v in losses], float(test_accuracy)))
    print(f"jax {jax.__version__} {mode}, compile seconds {compile_watch.seconds:.2f}")
    report(watch.seconds, results)


if __name__ == "__main__":
    main()
