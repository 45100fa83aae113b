"""The peer of PrepareBench.java: scikit-learn's ColumnTransformer on the same table (run by
bench/prepare). Dense one-hot output (sparse_output=False) cast to float32, which is what a Keras
model's fit takes; the file is read once, outside the timings."""
import gc
import statistics
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

path, rounds, drop = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
table = pd.read_csv(path, na_values=["NULL"]).drop(columns=drop)
numeric = [c for c in table.columns if pd.api.types.is_numeric_dtype(table[c])]
text = [c for c in table.columns if c not in numeric]
times = {"fit": [], "transform": [], "tensor": []}
for i in range(rounds):
    gc.collect()
    start = time.perf_counter()
    preprocessing = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="constant", fill_value=0)),
                          ("scale", StandardScaler())]), numeric),
        ("cat", Pipeline([("impute", SimpleImputer(strategy="constant", fill_value="NA")),
                          ("onehot", OneHotEncoder(handle_unknown="ignore",
                                                   sparse_output=False))]), text),
    ]).fit(table)
    fitted = time.perf_counter()
    inputs = preprocessing.transform(table)
    transformed = time.perf_counter()
    x = np.ascontiguousarray(inputs, dtype=np.float32)
    done = time.perf_counter()
    times["fit"].append(fitted - start)
    times["transform"].append(transformed - fitted)
    times["tensor"].append(done - transformed)
    print(f"sklearn round {i + 1}: fit {times['fit'][-1]:.3f} s, "
          f"transform {times['transform'][-1]:.3f} s, tensor {times['tensor'][-1]:.3f} s")
median = {k: statistics.median(v[1:]) if len(v) > 1 else v[0] for k, v in times.items()}
print(f"sklearn {sklearn.__version__} rows={x.shape[0]} inputs={x.shape[1]} first: "
      f"fit={times['fit'][0]:.3f} transform={times['transform'][0]:.3f} "
      f"tensor={times['tensor'][0]:.3f} median_after_first: fit={median['fit']:.3f} "
      f"transform={median['transform']:.3f} tensor={median['tensor']:.3f}")
