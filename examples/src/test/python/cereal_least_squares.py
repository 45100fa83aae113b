"""Writes the least-squares fit of calories on sugars, fiber and protein (cereal.csv), the
optimum that lesson 1's trained unit must reach. Run from the repository root:
    python3 examples/src/test/python/cereal_least_squares.py
"""
import csv
import json

import numpy as np

SOURCE = "lamina-data/src/main/resources/dev/lamina/data/datasets/cereal.csv"
TARGET = "examples/src/test/resources/dev/lamina/examples/cereal-least-squares.json"
INPUTS = ["sugars", "fiber", "protein"]

with open(SOURCE, newline="") as f:
    rows = [r for r in csv.DictReader(f)
            if all(float(r[c]) != -1 for c in INPUTS + ["calories"])]
x = np.array([[float(r[c]) for c in INPUTS] + [1.0] for r in rows])
y = np.array([float(r["calories"]) for r in rows])
solution, *_ = np.linalg.lstsq(x, y, rcond=None)
mse = float(np.mean((x @ solution - y) ** 2))
with open(TARGET, "w") as f:
    json.dump({"rows": len(rows), "inputs": INPUTS, "kernel": solution[:3].tolist(),
               "bias": float(solution[3]), "mse": mse}, f, indent=2)
    f.write("\n")
