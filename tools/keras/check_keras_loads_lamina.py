"""Checks that Keras 3 loads a .keras file Lamina wrote and predicts what Lamina predicted.

The Java test KerasRoundTripTest.laminaTrainedModelExportsForKeras trains a Lamina model with every
layer Lamina writes as Keras, saves it to lamina-core/target/keras-export/every_layer_lamina.keras
and writes the input and Lamina's predictions beside it (every_layer_lamina.json). This script
loads the file with keras.models.load_model (compiled, with the optimizer state), predicts the
same input and reports the largest difference; it exits 1 above the tolerance. KerasCnnExportTest
leaves two convolutional models the same way (cnn_lamina.keras with every image layer, and
cnn1d_lamina.keras); give their paths as the argument.

Run from the repository root after `mvn -pl lamina-core -am test -Dtest=KerasRoundTripTest`:
KERAS_BACKEND=jax python tools/keras/check_keras_loads_lamina.py [file.keras [file.json]]
"""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402

TOLERANCE = 1e-5
model_path = sys.argv[1] if len(sys.argv) > 1 else "lamina-core/target/keras-export/every_layer_lamina.keras"
json_path = sys.argv[2] if len(sys.argv) > 2 else model_path.replace(".keras", ".json")
reference = json.load(open(json_path))
model = keras.models.load_model(model_path)
x = np.array(reference["input"], dtype=np.float32)
predicted = model.predict(x, verbose=0)
difference = float(np.max(np.abs(predicted - np.array(reference["output"]))))
print(f"keras {keras.__version__} ({keras.backend.backend()}) loaded {model_path}: "
      f"{len(model.layers)} layers, {model.count_params()} params, compiled={model.compiled}, "
      f"optimizer iterations={int(model.optimizer.iterations.numpy()) if model.compiled else None}; "
      f"max |keras - lamina| = {difference:.3g} (tolerance {TOLERANCE})")
sys.exit(0 if difference <= TOLERANCE else 1)
