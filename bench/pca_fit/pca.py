"""Times scikit-learn's PCA(svd_solver="full").fit on the matrix PcaBench wrote (run by
bench/pca): the first fit and the median of the later ones, in PcaBench's output format."""
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.decomposition import PCA

path, repeats = sys.argv[1], int(sys.argv[2])
rows, columns = np.fromfile(path, dtype="<i4", count=2)
matrix = np.ascontiguousarray(
    np.fromfile(path, dtype="<f8", offset=8).reshape(columns, rows).T)
seconds = []
for i in range(repeats):
    start = time.perf_counter()
    pca = PCA(svd_solver="full").fit(matrix)
    seconds.append(time.perf_counter() - start)
    print(f"sklearn fit {i + 1}: {seconds[-1]:.3f} s")
later = sorted(seconds[1:] or seconds)
print(f"sklearn {sklearn.__version__} rows={rows} columns={columns} "
      f"components={pca.n_components_} first={seconds[0]:.3f} best={later[0]:.3f} "
      f"median_after_first={statistics.median(later):.3f} "
      f"ratio0={pca.explained_variance_ratio_[0]:.6f} ratio1={pca.explained_variance_ratio_[1]:.6f}")
