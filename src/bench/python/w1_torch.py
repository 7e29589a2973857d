"""W1 in PyTorch, for comparison when torch happens to be installed (./gd never installs it).

The same workload as gd.bench.W1 and w1_numpy.py: MLP 784-256-10, ReLU, softmax cross-entropy,
inputs = pixels/255, torch.optim.Adam (lr 1e-3, betas 0.9 and 0.999, eps 1e-8), mini-batches of 64
reshuffled every epoch, the full MNIST training set, float32 on the CPU with 2 threads. Prints one JSON
line per epoch (time excluding the data loading) and a final line with the test accuracy and peak RSS.
"""
import argparse
import json
import os
import resource
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from w1_numpy import load_mnist  # noqa: E402  (the same loader as the numpy reference)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="data/mnist")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    import numpy as np

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    start = time.perf_counter()
    x_train, y_train, x_test, y_test = (torch.from_numpy(a) for a in load_mnist(args.data, np.dtype("float32")))
    load_seconds = time.perf_counter() - start

    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(args.seed)
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        order = torch.randperm(len(x_train), generator=generator)
        for first in range(0, len(order), 64):
            idx = order[first:first + 64]
            optimizer.zero_grad()
            loss_fn(model(x_train[idx]), y_train[idx]).backward()
            optimizer.step()
        print(json.dumps({"impl": "torch-float32", "epoch": epoch, "seconds": time.perf_counter() - start}),
              flush=True)

    with torch.no_grad():
        accuracy = float((model(x_test).argmax(dim=1) == y_test).float().mean())
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"impl": "torch-float32", "test_accuracy": accuracy, "load_seconds": load_seconds,
                      "peak_rss_mb": peak_rss_mb}), flush=True)


if __name__ == "__main__":
    main()
