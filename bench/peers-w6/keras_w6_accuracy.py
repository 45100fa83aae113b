"""Accuracy reference for docs/examples.md lesson 7 from real Keras 3: the Fashion-MNIST convnet
(keras.io's "Simple MNIST convnet") compiled with "adam" and sparse categorical cross-entropy,
pixels / 255, model.fit(batch_size=128, epochs=10, validation_split=0.1), Keras's own defaults for
everything else; prints validation and test accuracy after each epoch.
Usage: KERAS_BACKEND=jax $VENV/bin/python bench/peers-w6/keras_w6_accuracy.py SEED...
(keras and jax from pip's local index, as bench/compare's peers venv holds them)."""
import gzip, json, os, sys
os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np
D = "/usr/share/datasets/fashion-mnist/"


def idx(name, offset):
    return np.frombuffer(gzip.open(D + name).read(), np.uint8, offset=offset)


def images(name):
    return idx(name, 16).reshape(-1, 28, 28, 1).astype("float32") / 255


x, y = images("train-images-idx3-ubyte.gz"), idx("train-labels-idx1-ubyte.gz", 8).astype("int64")
xt, yt = images("t10k-images-idx3-ubyte.gz"), idx("t10k-labels-idx1-ubyte.gz", 8).astype("int64")
import keras  # noqa: E402
from keras import layers  # noqa: E402


class TestAccuracy(keras.callbacks.Callback):
    def __init__(self, seed):
        super().__init__()
        self.seed = seed

    def on_epoch_end(self, epoch, logs=None):
        _, accuracy = self.model.evaluate(xt, yt, batch_size=512, verbose=0)
        print(json.dumps({"keras": keras.__version__, "backend": keras.backend.backend(),
                          "seed": self.seed, "epoch": epoch + 1,
                          "val_accuracy": round(logs["val_accuracy"], 4),
                          "test_accuracy": round(accuracy, 4)}), flush=True)


for seed in map(int, sys.argv[1:] or ["0"]):
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(64, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Flatten(), layers.Dropout(0.5), layers.Dense(10, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, batch_size=128, epochs=10, validation_split=0.1, verbose=0,
              callbacks=[TestAccuracy(seed)])
