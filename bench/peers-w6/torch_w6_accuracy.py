"""Accuracy reference for docs/examples.md lesson 7: the Fashion-MNIST convnet with Keras's semantics in PyTorch 1.13: glorot_uniform kernels, zero
biases, Adam(1e-3, eps 1e-7), the last 10% of the training rows held out, reshuffled every epoch,
batch 128, 10 epochs; prints validation and test accuracy per epoch.
Usage: /usr/bin/python3 bench/peers-w6/torch_w6_accuracy.py SEED... (Debian python3-torch)."""
import gzip, sys, time
import numpy as np, torch
from torch import nn
D = "/usr/share/datasets/fashion-mnist/"
def idx(name, offset):
    return np.frombuffer(gzip.open(D + name).read(), np.uint8, offset=offset)
x = torch.tensor(idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).astype("float32") / 255)
y = torch.tensor(idx("train-labels-idx1-ubyte.gz", 8).astype("int64"))
xt = torch.tensor(idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).astype("float32") / 255)
yt = torch.tensor(idx("t10k-labels-idx1-ubyte.gz", 8).astype("int64"))
split = 54000
xv, yv, x, y = x[split:], y[split:], x[:split], y[:split]
torch.set_num_threads(2)
for seed in map(int, sys.argv[1:]):
    torch.manual_seed(seed)
    net = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                        nn.MaxPool2d(2), nn.Flatten(), nn.Dropout(0.5), nn.Linear(1600, 10))
    for m in net:
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight); nn.init.zeros_(m.bias)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    def acc(a, b):
        net.eval()
        with torch.no_grad():
            return float((net(a).argmax(1) == b).float().mean())
    t = time.time()
    for epoch in range(10):
        net.train()
        perm = torch.randperm(split)
        for s in range(0, split, 128):
            i = perm[s:s + 128]
            opt.zero_grad(); loss = loss_fn(net(x[i]), y[i]); loss.backward(); opt.step()
        print(f"seed {seed} epoch {epoch + 1} val {acc(xv, yv):.4f} test {acc(xt, yt):.4f} {time.time() - t:.0f}s", flush=True)
