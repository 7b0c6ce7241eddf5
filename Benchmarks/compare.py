"""Times InitLab's training against its peers, alternately, and prints medians of per-round ratios.

Usage: python3 Benchmarks/compare.py INITLAB_BENCH PYTHON OUT_DIRECTORY [--rounds N] [--only NAME,...]
       [--max-wait SECONDS] [--initlab INITLAB]

Every contender trains the same networks on the same batches: `initlab-bench export` writes
InitLab's initial weights and batch order into OUT_DIRECTORY/NAME, and the peers in
Benchmarks/peers/ read them. The benchmarks:
- textbook-mnist: 3 initializations x 2000 iterations, batch 128, Fashion-MNIST, 5 hidden ReLU
  layers of 100, SGD lr 0.01; whole-process wall time (data loading, imports and JIT included),
  2 threads; peers NumPy, PyTorch eager, JAX jit, JAX lax.scan.
- textbook-mnist-1thread: the same on one thread, every contender pinned to CPU 0.
- wide-1024, wide-4096: one He-initialized network 784-W-W-W-W-W-10, 200 SGD steps, 2 threads;
  in-process training time (after data loading and JAX compilation); PyTorch and JAX.
- sweep-processes: a 24-cell synthetic sweep computed by one process, one cell after another
  (`initlab run --threads 1`), and by `--backend processes --workers 2`, each from an empty
  store; whole-process wall time, and the two results.json must be identical.
Threads: InitLab INITLAB_THREADS; NumPy OPENBLAS_NUM_THREADS; PyTorch torch.set_num_threads;
JAX its default thread pool (2 cores), or Eigen single-threaded for 1 thread.

A shared machine cannot fool the ratios: before each round the script waits (up to --max-wait
seconds) until the other processes leave the cores idle, prints the load, runs every contender
once in an order that rotates from round to round, and reports the median over rounds of each
peer's time divided by InitLab's in the same round.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "peers")


class Benchmark:
    def __init__(self, name, spec, threads, peers, in_process):
        self.name, self.spec, self.threads, self.peers, self.in_process = name, spec, threads, peers, in_process


BENCHMARKS = [
    Benchmark("textbook-mnist", "textbook-mnist", 2, ["numpy", "pytorch", "jax-jit", "jax-scan"], False),
    Benchmark("textbook-mnist-1thread", "textbook-mnist", 1, ["numpy", "pytorch", "jax-jit", "jax-scan"], False),
    Benchmark("wide-1024", "wide-1024", 2, ["pytorch", "jax-jit", "jax-scan"], True),
    Benchmark("wide-4096", "wide-4096", 2, ["pytorch", "jax-jit", "jax-scan"], True),
    Benchmark("sweep-processes", "sweep-processes", 2, [], False),
]

# 24 cells (6 x 4) of a few tenths of a second each in a release build.
SWEEP_SPEC = """{"id": "sweep-processes", "title": "sweep-processes", "kind": "sweep", "seed": 5,
 "base": {"data": {"name": "synthetic", "classes": 4, "dimension": 64, "train_size": 2000, "test_size": 500,
                   "separation": 1.5},
          "network": {"depth": 4, "width": 128, "activation": "tanh",
                      "initializer": {"name": "variance-scaling", "scale": 1, "mode": "fan_in",
                                      "distribution": "untruncated-normal"}},
          "training": {"iterations": 400, "batch_size": 64, "optimizer": {"name": "sgd", "learning_rate": 0.05},
                       "statistics_every": 1000, "evaluation_every": 0, "probe_size": 20}},
 "axes": [{"path": "/network/initializer/scale", "label": "sigma_w2", "values": [0.5, 0.8, 1, 1.3, 1.7, 2.2]},
          {"path": "/network/depth", "label": "depth", "values": [2, 3, 4, 5]}],
 "metric": "test_accuracy", "figures": [{"type": "heatmap"}]}
"""


def sweep_processes(initlab, out, rounds, max_wait):
    """Serial against processes on the 24-cell sweep; prints the sweep-processes line."""
    import shutil
    folder = os.path.join(os.path.abspath(out), "sweep-processes")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "sweep.json"), "w") as f:
        f.write(SWEEP_SPEC)
    contenders = {"serial": ["--threads", "1"], "processes": ["--backend", "processes", "--workers", "2",
                                                              "--threads", "2"]}
    times = {name: [] for name in contenders}
    ratios = []
    print(f"sweep-processes: {rounds} rounds, 24 cells, whole-process wall time", file=sys.stderr)
    for round_index in range(rounds):
        busy, load, waited = wait_for_quiet(max_wait)
        order = list(contenders) if round_index % 2 == 0 else list(reversed(list(contenders)))
        seconds = {}
        for name in order:
            store, reports = os.path.join(folder, f"store-{name}"), os.path.join(folder, f"reports-{name}")
            shutil.rmtree(store, ignore_errors=True)
            start = time.perf_counter()
            result = subprocess.run([initlab, "run", "sweep.json", "--quiet", "--force", "--store", store, "--out",
                                     reports] + contenders[name], cwd=folder, stderr=subprocess.PIPE, text=True)
            seconds[name] = time.perf_counter() - start
            if result.returncode != 0:
                sys.exit(f"sweep-processes ({name}) failed:\n{result.stderr}")
        results = [open(os.path.join(folder, f"reports-{name}", "sweep-processes", "results.json"), "rb").read()
                   for name in contenders]
        if results[0] != results[1]:
            sys.exit("sweep-processes: serial and processes wrote different results.json")
        for name in contenders:
            times[name].append(seconds[name])
        ratios.append(seconds["serial"] / seconds["processes"])
        print(f"  round {round_index + 1}: load {load:.2f} (1 min), CPUs {100 * busy:.0f}% busy before "
              f"(waited {waited:.0f} s); serial {seconds['serial']:.2f} s, processes {seconds['processes']:.2f} s",
              file=sys.stderr)
    line = (f"sweep-processes: serial {statistics.median(times['serial']):.2f} s, "
            f"processes {statistics.median(times['processes']):.2f} s, speedup {statistics.median(ratios):.2f}")
    print(line, flush=True)
    return line


def command(contender, bench, python, spec_directory, threads):
    """The command line and environment of one contender."""
    environment = {"INITLAB_THREADS": str(threads), "OPENBLAS_NUM_THREADS": str(threads),
                   "OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads)}
    if contender == "initlab":
        return [bench, "train", os.path.basename(spec_directory)], environment
    script = {"numpy": ["numpy_mlp.py", spec_directory], "pytorch": ["torch_mlp.py", spec_directory, str(threads)],
              "jax-jit": ["jax_mlp.py", spec_directory, str(threads), "jit"],
              "jax-scan": ["jax_mlp.py", spec_directory, str(threads), "scan"]}[contender]
    return [python, os.path.join(PEERS, script[0])] + script[1:], environment


def run(arguments, environment, pin):
    """Wall seconds, in-process training seconds and output of one run."""
    env = {**os.environ, **environment}
    # The machine may force an OpenBLAS core type for old OpenBLAS builds; the peers' own OpenBLAS
    # picks the right kernels when left alone.
    for variable in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        env.pop(variable, None)
    start = time.perf_counter()
    result = subprocess.run(arguments, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=os.path.dirname(HERE), preexec_fn=(lambda: os.sched_setaffinity(0, {0})) if pin else None)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(arguments)} failed:\n{result.stderr}")
    training = float(re.search(r"training seconds: ([0-9.]+)", result.stdout).group(1))
    return wall, training, result.stdout.strip()


def busy_fraction(seconds=2.0):
    """Share of the CPUs' time spent outside idle over the next `seconds` (all processes)."""
    def sample():
        with open("/proc/stat") as f:
            values = [int(v) for v in f.readline().split()[1:]]
        return sum(values), values[3] + values[4]
    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    return 1 - (idle1 - idle0) / max(1, total1 - total0)


def wait_for_quiet(max_wait, threshold=0.15):
    """Waits until the CPUs are at most `threshold` busy, or `max_wait` seconds; returns what it saw."""
    start = time.perf_counter()
    busy = busy_fraction()
    while busy > threshold and time.perf_counter() - start < max_wait:
        busy = busy_fraction(5.0)
    return busy, os.getloadavg()[0], time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench")
    parser.add_argument("python")
    parser.add_argument("out")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated benchmark names, run in that order")
    parser.add_argument("--max-wait", type=float, default=120)
    parser.add_argument("--initlab", help="the initlab executable (default: beside INITLAB_BENCH)")
    options = parser.parse_args()
    initlab = options.initlab or os.path.join(os.path.dirname(os.path.abspath(options.bench)), "initlab")
    names = options.only.split(",") if options.only else [b.name for b in BENCHMARKS]
    selected = [next(b for b in BENCHMARKS if b.name == name) for name in names]
    lines = []
    for bench in selected:
        if bench.name == "sweep-processes":
            lines.append(sweep_processes(initlab, options.out, options.rounds, options.max_wait))
            continue
        spec_directory = os.path.join(os.path.abspath(options.out), bench.spec)
        subprocess.run([options.bench, "export", bench.spec, spec_directory], check=True)
        contenders = ["initlab"] + bench.peers
        times = {c: [] for c in contenders}
        ratios = {c: [] for c in bench.peers}
        print(f"{bench.name}: {options.rounds} rounds, {bench.threads} thread(s), "
              f"{'in-process training' if bench.in_process else 'whole-process wall'} time", file=sys.stderr)
        for round_index in range(options.rounds):
            busy, load, waited = wait_for_quiet(options.max_wait)
            shift = round_index % len(contenders)
            order = contenders[shift:] + contenders[:shift]
            seconds = {}
            for contender in order:
                arguments, environment = command(contender, options.bench, options.python, spec_directory,
                                                 bench.threads)
                wall, training, output = run(arguments, environment, pin=bench.threads == 1)
                seconds[contender] = training if bench.in_process else wall
                if round_index == 0:
                    print(f"    {contender}: " + output.replace("\n", "\n      "), file=sys.stderr)
            for contender in contenders:
                times[contender].append(seconds[contender])
            for peer in bench.peers:
                ratios[peer].append(seconds[peer] / seconds["initlab"])
            print(f"  round {round_index + 1}: load {load:.2f} (1 min), CPUs {100 * busy:.0f}% busy "
                  f"before (waited {waited:.0f} s); " + ", ".join(f"{c} {seconds[c]:.2f} s" for c in contenders),
                  file=sys.stderr)
        ours = statistics.median(times["initlab"])
        for peer in bench.peers:
            line = (f"{bench.name}: initlab {ours:.2f} s, {peer} {statistics.median(times[peer]):.2f} s, "
                    f"speedup {statistics.median(ratios[peer]):.2f}")
            lines.append(line)
            print(line, flush=True)
    if len(selected) > 1:
        print("\nsummary (medians of per-round ratios; speedup > 1: InitLab is faster)")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
