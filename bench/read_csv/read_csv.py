"""Times pandas.read_csv on one file, several reads in one process (run by bench/read-csv)."""
import statistics
import sys
import time

import pandas as pd

path, repeats = sys.argv[1], int(sys.argv[2])
seconds, cpu_seconds = [], []
for i in range(repeats):
    cpu_start = time.process_time()
    start = time.perf_counter()
    frame = pd.read_csv(path)
    seconds.append(time.perf_counter() - start)
    cpu_seconds.append(time.process_time() - cpu_start)
    print(f"pandas read {i + 1}: {seconds[-1]:.3f} s wall, {cpu_seconds[-1]:.3f} s cpu")
later = sorted(seconds[1:])
last_half = sorted(seconds[repeats // 2:])
last_half_cpu = sorted(cpu_seconds[repeats // 2:])
print(f"pandas {pd.__version__} rows={frame.shape[0]} columns={frame.shape[1]} "
      f"first={seconds[0]:.3f} best={later[0]:.3f} median_after_first={later[len(later) // 2]:.3f}"
      f" median_last_half={last_half[len(last_half) // 2]:.3f}"
      f" cpu_median_last_half={last_half_cpu[len(last_half_cpu) // 2]:.3f}")
