"""W6 peer: the Fashion-MNIST convnet's training throughput in PyTorch, samples per second.

Same model, sizes and data recipe as Lamina's ConvnetWorkload (lamina-bench): Conv2d 32 3x3 relu
-> max pool 2 -> Conv2d 64 3x3 relu -> max pool 2 -> flatten -> dropout 0.5 -> linear 10, cross
entropy on the logits (Keras's softmax + sparse categorical cross-entropy), Adam (Keras's epsilon
1e-7), batch 128; seeded uniform 28x28 images with uniform labels; 5 warm-up steps, then 40
timed steps, 3 repeats with a fresh model. PyTorch's own layout (NCHW).

Usage: python3 bench/peers-w6/torch_w6.py --threads 2 [--peer pytorch]
Prints RESULT lines as bench/harness's Report does, and the peak RSS.
"""

import argparse
import json
import resource
import time

import numpy as np
import torch
from torch import nn

BATCH, WARMUP_STEPS, TIMED_STEPS, REPEATS = 128, 5, 40, 3


def model():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Dropout(0.5), nn.Linear(1600, 10))


def train(net, optimizer, x, y):
    loss_fn = nn.CrossEntropyLoss()
    for start in range(0, len(x), BATCH):
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(net(x[start:start + BATCH]), y[start:start + BATCH])
        loss.backward()
        optimizer.step()
    return float(loss)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--peer", default="pytorch")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(6)
    rows = TIMED_STEPS * BATCH
    x = torch.tensor(rng.random((rows, 1, 28, 28), dtype=np.float32))
    y = torch.tensor(rng.integers(0, 10, rows))
    print("INFO " + json.dumps({"peer": args.peer, "torch": torch.__version__,
                                "threads": torch.get_num_threads()}), flush=True)
    for repeat in range(REPEATS):
        torch.manual_seed(repeat)
        net = model()
        net.train()
        optimizer = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
        train(net, optimizer, x[:WARMUP_STEPS * BATCH], y[:WARMUP_STEPS * BATCH])
        start = time.perf_counter()
        loss = train(net, optimizer, x, y)
        seconds = time.perf_counter() - start
        print("RESULT " + json.dumps({
            "peer": args.peer, "workload": "W6", "metric": "samples_per_s", "repeat": repeat,
            "value": rows / seconds, "seconds": seconds, "final_loss": loss}), flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("INFO " + json.dumps({"peer": args.peer, "workload": "W6", "peak_rss_mb": peak_mb}))


if __name__ == "__main__":
    main()
