"""W6 peer: the Fashion-MNIST convnet's training throughput in Keras 3 on TensorFlow (CPU).

The model is keras.io's "Simple MNIST convnet", as Lamina's ConvnetWorkload (lamina-bench) and
torch_w6.py build it: Adam, sparse categorical cross-entropy, batch 128, seeded uniform 28x28x1
images with uniform labels, a fit of 5 warm-up steps (which also traces the train function),
then a fit of 40 timed steps, 3 repeats with a fresh model. TensorFlow gets 2 intra-op threads
and 1 inter-op thread.

Usage: KERAS_BACKEND=tensorflow python3 bench/peers-w6/keras_w6.py --threads 2
Prints RESULT lines as bench/harness's Report does, and the peak RSS.
"""

import argparse
import json
import os
import resource
import time

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402

BATCH, WARMUP_STEPS, TIMED_STEPS, REPEATS = 128, 5, 40, 3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    import tensorflow as tf
    tf.config.threading.set_intra_op_parallelism_threads(args.threads)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    import keras
    from keras import layers

    rng = np.random.default_rng(6)
    rows = TIMED_STEPS * BATCH
    x = rng.random((rows, 28, 28, 1), dtype=np.float32)
    y = rng.integers(0, 10, rows)
    print("INFO " + json.dumps({"peer": "keras-tf", "keras": keras.__version__,
                                "tensorflow": tf.__version__, "threads": args.threads}),
          flush=True)
    for repeat in range(REPEATS):
        keras.utils.set_random_seed(repeat)
        model = keras.Sequential([
            keras.Input((28, 28, 1)),
            layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2),
            layers.Conv2D(64, 3, activation="relu"), layers.MaxPooling2D(2),
            layers.Flatten(), layers.Dropout(0.5), layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        warm = WARMUP_STEPS * BATCH
        model.fit(x[:warm], y[:warm], batch_size=BATCH, epochs=1, shuffle=False, verbose=0)
        start = time.perf_counter()
        history = model.fit(x, y, batch_size=BATCH, epochs=1, shuffle=False, verbose=0)
        seconds = time.perf_counter() - start
        print("RESULT " + json.dumps({
            "peer": "keras-tf", "workload": "W6", "metric": "samples_per_s", "repeat": repeat,
            "value": rows / seconds, "seconds": seconds,
            "final_loss": float(history.history["loss"][-1])}), flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("INFO " + json.dumps({"peer": "keras-tf", "workload": "W6", "peak_rss_mb": peak_mb}))


if __name__ == "__main__":
    main()
