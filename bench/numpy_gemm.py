"""Times C = op(A)·op(B) in float32 with NumPy, printing lines in GemmTimer's format.

usage: python3 numpy_gemm.py THREADS REPEATS name:order:m:n:k ...
Set OPENBLAS_NUM_THREADS (bench/gemm does) before starting Python; threadpoolctl, where
installed, pins the count as well.
"""
import sys
import time

import numpy as np


def operand(rows, cols, transposed, rng):
    """A rows×cols operand, stored transposed (a view of a cols×rows array) if asked."""
    if transposed:
        return rng.uniform(-1, 1, (cols, rows)).astype(np.float32).T
    return rng.uniform(-1, 1, (rows, cols)).astype(np.float32)


def time_case(spec, repeats, threads):
    name, order, m, n, k = spec.split(":")
    m, n, k = int(m), int(n), int(k)
    rng = np.random.default_rng(42)
    a = operand(m, k, order[0] == "T", rng)
    b = operand(k, n, order[1] == "T", rng)
    c = np.empty((m, n), dtype=np.float32)
    flops = 2.0 * m * n * k
    calls = int(max(1, min(100_000, 2e10 / max(flops, 1))))
    seconds = []
    first = None
    for r in range(-3, repeats):
        start = time.perf_counter()
        for _ in range(calls):
            np.matmul(a, b, out=c)
        elapsed = (time.perf_counter() - start) / calls
        if first is None:
            first = elapsed
        if r >= 0:
            seconds.append(elapsed)
    seconds.sort()
    best, median = seconds[0], seconds[repeats // 2]
    print(f"numpy case={name} order={order} m={m} n={n} k={k} threads={threads} "
          f"numpy={np.__version__} first_s={first:.9f} best_s={best:.9f} median_s={median:.9f} "
          f"gflops={flops / best / 1e9:.2f}", flush=True)


def main():
    threads, repeats = int(sys.argv[1]), int(sys.argv[2])
    try:
        from threadpoolctl import threadpool_limits
        threadpool_limits(threads)
    except ImportError:
        pass  # OPENBLAS_NUM_THREADS from the caller already holds
    for spec in sys.argv[3:]:
        time_case(spec, repeats, threads)


if __name__ == "__main__":
    main()
