"""W1, the course's reference workload, written from scratch in numpy: manual backprop, manual Adam.

MLP 784-256-10, ReLU, softmax cross-entropy, inputs = pixels/255, Adam (lr 1e-3, betas 0.9 and 0.999,
eps 1e-8), mini-batches of 64 reshuffled every epoch, the full MNIST training set. The same computation
as the library's gd.bench.W1, in float32 or float64. Prints one JSON line per epoch (time excluding the
data loading) and a final line with the test accuracy and the peak resident memory.

BLAS threads are set by the caller (OPENBLAS_NUM_THREADS=2 for the 2 threads of W1).
"""
import argparse
import gzip
import json
import os
import resource
import struct
import time

import numpy as np


def load_idx(path):
    """An IDX file (gzipped) as a uint8 array of its declared shape."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    (magic,) = struct.unpack(">I", data[:4])
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load_mnist(folder, dtype):
    images = lambda name: load_idx(os.path.join(folder, name)).reshape(-1, 784).astype(dtype) / dtype.type(255)
    labels = lambda name: load_idx(os.path.join(folder, name)).astype(np.int64)
    return (images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz"),
            images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz"))


class Adam:
    """torch.optim.Adam's rule, in place: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·m̂/(√v̂ + ε)."""

    def __init__(self, params, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        self.params, self.lr, self.beta1, self.beta2, self.eps = params, lr, beta1, beta2, eps
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]
        self.t = 0
        self.tiny = np.finfo(params[0].dtype).tiny

    def step(self, grads):
        self.t += 1
        step_size = self.lr / (1 - self.beta1 ** self.t)
        root_correction = np.sqrt(1 - self.beta2 ** self.t)
        for p, g, m, v in zip(self.params, grads, self.m, self.v):
            m *= self.beta1
            m += (1 - self.beta1) * g
            v *= self.beta2
            v += (1 - self.beta2) * (g * g)
            denom = np.sqrt(v)
            denom /= root_correction
            denom += self.eps
            p -= step_size * (m / denom)
        if self.t % 16 == 0:
            # Moments of gradients that are always zero (MNIST's border pixels) decay into subnormal numbers,
            # which slow every later step several times on x86. Flush them, as the Java library does.
            for m, v in zip(self.m, self.v):
                np.putmask(m, np.abs(m) < self.tiny, 0)
                np.putmask(v, v < self.tiny, 0)


def train_epoch(x_train, y_train, params, adam, rng, batch=64):
    w1, b1, w2, b2 = params
    order = rng.permutation(len(x_train))
    for start in range(0, len(order), batch):
        idx = order[start:start + batch]
        x, y = x_train[idx], y_train[idx]
        n = len(idx)
        z1 = x @ w1 + b1                      # forward
        h = np.maximum(z1, 0)
        logits = h @ w2 + b2
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        dlogits = p                           # softmax cross-entropy gradient: (p − onehot(y)) / n
        dlogits[np.arange(n), y] -= 1
        dlogits /= n
        dw2 = h.T @ dlogits                   # backward
        db2 = dlogits.sum(axis=0)
        dh = dlogits @ w2.T
        dh[z1 <= 0] = 0
        dw1 = x.T @ dh
        db1 = dh.sum(axis=0)
        adam.step([dw1, db1, dw2, db2])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="data/mnist")
    parser.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    dtype = np.dtype(args.dtype)
    name = "numpy-" + args.dtype

    start = time.perf_counter()
    x_train, y_train, x_test, y_test = load_mnist(args.data, dtype)
    load_seconds = time.perf_counter() - start

    rng = np.random.default_rng(args.seed)
    bound1, bound2 = 1 / np.sqrt(784), 1 / np.sqrt(256)   # torch's nn.Linear default initialisation
    params = [rng.uniform(-bound1, bound1, (784, 256)).astype(dtype), rng.uniform(-bound1, bound1, 256).astype(dtype),
              rng.uniform(-bound2, bound2, (256, 10)).astype(dtype), rng.uniform(-bound2, bound2, 10).astype(dtype)]
    adam = Adam(params)
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        train_epoch(x_train, y_train, params, adam, rng)
        print(json.dumps({"impl": name, "epoch": epoch, "seconds": time.perf_counter() - start}), flush=True)

    w1, b1, w2, b2 = params
    accuracy = float(((np.maximum(x_test @ w1 + b1, 0) @ w2 + b2).argmax(axis=1) == y_test).mean())
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"impl": name, "test_accuracy": accuracy, "load_seconds": load_seconds,
                      "peak_rss_mb": peak_rss_mb}), flush=True)


if __name__ == "__main__":
    main()
