"""Times the textbook MNIST comparison in InitLab and in NumPy, alternately, and prints medians.

Usage: python3 Benchmarks/compare.py INITLAB_BENCH PYTHON [ROUNDS]
Both sides get 2 threads (INITLAB_THREADS=2, OPENBLAS_NUM_THREADS=2) and do the same work,
data loading included; whole-process wall time is measured.
"""
import os
import statistics
import subprocess
import sys
import time


def timed(command, environment):
    start = time.perf_counter()
    result = subprocess.run(command, env={**os.environ, **environment}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{result.stderr}")
    return elapsed, result.stdout.strip()


def minimal_gflop(iterations, networks=3, batch=128, widths=(784, 100, 100, 100, 100, 100, 10)):
    """GEMM work both sides must do: per step one forward product per layer, one weight gradient
    per layer and one back-propagated delta per layer above the first (no gradient for the images)."""
    products = sum(a * b for a, b in zip(widths, widths[1:]))
    upper = products - widths[0] * widths[1]
    return networks * iterations * 2 * batch * (2 * products + upper) / 1e9


def main():
    initlab, python = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    here = os.path.dirname(os.path.abspath(__file__))
    ours, theirs, ratios = [], [], []
    for index in range(rounds):
        a, our_output = timed([initlab, "textbook", "2000"], {"INITLAB_THREADS": "2"})
        b, their_output = timed([python, os.path.join(here, "textbook_mnist.py"), "2000"], {"OPENBLAS_NUM_THREADS": "2"})
        ours.append(a)
        theirs.append(b)
        ratios.append(b / a)
        print(f"  round {index + 1}: initlab {a:.1f} s, numpy {b:.1f} s", file=sys.stderr)
        if index == 0:
            print("  initlab: " + our_output.replace("\n", "\n           "), file=sys.stderr)
            print("  numpy:   " + their_output.replace("\n", "\n           "), file=sys.stderr)
    work = minimal_gflop(2000)
    print(f"  minimal GEMM work {work:.0f} GFLOP: initlab {work / statistics.median(ours):.1f} GFLOP/s, "
          f"numpy {work / statistics.median(theirs):.1f} GFLOP/s end to end (data loading included)", file=sys.stderr)
    print(f"textbook-mnist: initlab {statistics.median(ours):.1f} s, numpy {statistics.median(theirs):.1f} s, "
          f"speedup {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
