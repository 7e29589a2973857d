"""./gd bench: the library against the in-run Python references, interleaved, with medians and ratios.

For each of --runs rounds (default 3) it runs, in this order, each in a fresh process:
  java W1 (gd.bench.W1), numpy float32, numpy float64, and torch float32 if torch is importable.
Each W1 run trains --epochs epochs (default 3): epoch 1 is "cold" (a fresh JVM, what a learner waits
for in a notebook), the later ones "warm". Then, once: JMH matrix-product throughput of the library's
kernels (gd.bench.KernelBench) and the time to 98 % test accuracy with the recommended recipe
(gd.bench.Recipe). Prints a table and writes target/bench/results.json.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "target" / "bench"


def java_command(main, *args, jvm_options=()):
    classpath = os.pathsep.join([str(ROOT / "target" / "test-classes"), str(ROOT / "target" / "lib" / "*"),
                                 (ROOT / "target" / "test.classpath").read_text().strip()])
    return [os.environ.get("GD_JAVA", "java"), *jvm_options, "-cp", classpath, main, *args]


def run_json_lines(command, env=None, label=""):
    """Runs a benchmark process and returns the JSON objects it printed, one per line."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"bench: {label} failed (exit {result.returncode}): {' '.join(command[:3])} ...")
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    print(f"  {label:<16} {time.perf_counter() - started:6.1f} s", flush=True)
    return lines


def torch_available(python):
    probe = subprocess.run([python, "-c", "import torch"], capture_output=True)
    return probe.returncode == 0


def summarise(runs):
    """Per implementation: cold (epoch 1) and warm (later epochs) times, accuracy, peak RSS, over all rounds."""
    table = {}
    for impl, rounds in runs.items():
        cold = [r["epochs"][0] for r in rounds]
        warm = [s for r in rounds for s in r["epochs"][1:]]
        table[impl] = {
            "cold_median": statistics.median(cold), "cold_min": min(cold), "cold_max": max(cold),
            "warm_median": statistics.median(warm) if warm else float("nan"),
            "warm_min": min(warm) if warm else float("nan"), "warm_max": max(warm) if warm else float("nan"),
            "test_accuracy": statistics.median(r["test_accuracy"] for r in rounds),
            "peak_rss_mb": max(r["peak_rss_mb"] for r in rounds),
            "runs": len(rounds), "epochs_per_run": len(rounds[0]["epochs"]),
        }
    return table


def parse_w1(lines):
    epochs = [line["seconds"] for line in lines if "epoch" in line]
    final = next(line for line in lines if "test_accuracy" in line)
    return {"epochs": epochs, "test_accuracy": final["test_accuracy"], "peak_rss_mb": final["peak_rss_mb"]}


def print_table(w1, kernels, recipe):
    ref = w1.get("numpy-float32")
    print()
    print("W1: MLP 784-256-10, Adam 1e-3, batch 64, 2 threads, one MNIST epoch (60,000 images); seconds per epoch")
    print(f"{'implementation':<16} {'warm median':>11} {'warm min-max':>15} {'cold median':>11} {'cold min-max':>15}"
          f" {'warm ratio':>10} {'cold ratio':>10} {'test acc':>8} {'peak RSS':>9}")
    for impl, row in w1.items():
        warm_ratio = row["warm_median"] / ref["warm_median"] if ref else float("nan")
        cold_ratio = row["cold_median"] / ref["warm_median"] if ref else float("nan")
        print(f"{impl:<16} {row['warm_median']:11.3f} {row['warm_min']:7.3f}-{row['warm_max']:<7.3f}"
              f" {row['cold_median']:11.3f} {row['cold_min']:7.3f}-{row['cold_max']:<7.3f}"
              f" {warm_ratio:9.2f}x {cold_ratio:9.2f}x {row['test_accuracy']:8.4f} {row['peak_rss_mb']:6.0f} MB")
    print("(ratios: against numpy-float32's warm epoch; cold = the first epoch in a fresh process)")
    if kernels:
        print()
        print("Matrix products of the library (JMH, average time per call), GFLOP/s = 2·m·k·n / time")
        print(f"{'product':<44} {'threads':>7} {'GFLOP/s':>9} {'time':>12}")
        for k in kernels:
            print(f"{k['name']:<44} {k['threads']:>7} {k['gflops']:9.1f} {k['microseconds']:9.1f} µs")
    if recipe:
        print()
        print(f"Recipe: {recipe['recipe']}")
        reached = recipe.get("seconds_to_target")
        if reached is None:
            print(f"  did not reach {recipe['target']:.3f} in {recipe['epochs']} epochs"
                  f" (best test accuracy {max(recipe['test_accuracy']):.4f})")
        else:
            print(f"  reached test accuracy {recipe['reached_accuracy']:.4f} ≥ {recipe['target']:.3f}"
                  f" after epoch {recipe['reached_epoch']} in {reached:.1f} s of training")


def kernel_benchmarks(jmh_args):
    out = TARGET / "jmh.json"
    command = java_command("org.openjdk.jmh.Main", "gd.bench.KernelBench", "-rf", "json", "-rff", str(out),
                           *jmh_args, jvm_options=["-Xmx2g"])
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit("bench: JMH failed")
    print(f"  {'JMH kernels':<16} {time.perf_counter() - started:6.1f} s", flush=True)
    # m, k, n of each product (2·m·k·n floating-point operations), as KernelBench's comment lists them.
    shapes = {"forwardW1": (64, 784, 256), "weightGradW1": (784, 64, 256), "inputGradW1": (64, 256, 784),
              "square512": (512, 512, 512)}
    rows = []
    for entry in json.loads(out.read_text()):
        params = entry.get("params", {})
        method = entry["benchmark"].rsplit(".", 1)[1]
        m, k, n = shapes[method]
        microseconds = entry["primaryMetric"]["score"]
        name = f"{method} {m}x{k}·{k}x{n}" + (f" ({params['data']})" if "data" in params else "")
        rows.append({"name": name, "threads": int(params["threads"]), "microseconds": microseconds,
                     "gflops": 2.0 * m * k * n / (microseconds * 1e3)})
    return rows


def main():
    parser = argparse.ArgumentParser(description="The course's benchmark: W1 against numpy, kernels, recipe.")
    parser.add_argument("--runs", type=int, default=3, help="rounds of the interleaved W1 runs (default 3)")
    parser.add_argument("--epochs", type=int, default=3, help="epochs per W1 run (default 3)")
    parser.add_argument("--jvm", default="-Xmx3g", help="JVM options of the Java runs, as the notebooks' kernel")
    parser.add_argument("--quick", action="store_true", help="fewer JMH iterations (a rough check)")
    parser.add_argument("--skip-kernels", action="store_true")
    parser.add_argument("--skip-recipe", action="store_true")
    args = parser.parse_args()
    TARGET.mkdir(parents=True, exist_ok=True)

    python = sys.executable
    blas = dict(os.environ, OPENBLAS_NUM_THREADS="2", OMP_NUM_THREADS="2", MKL_NUM_THREADS="2")
    implementations = [
        ("java", java_command("gd.bench.W1", "--epochs", str(args.epochs), "--threads", "2",
                              jvm_options=args.jvm.split())),
        ("numpy-float32", [python, "src/bench/python/w1_numpy.py", "--dtype", "float32", "--epochs", str(args.epochs)]),
        ("numpy-float64", [python, "src/bench/python/w1_numpy.py", "--dtype", "float64", "--epochs", str(args.epochs)]),
    ]
    if torch_available(python):
        implementations.append(("torch-float32", [python, "src/bench/python/w1_torch.py", "--epochs", str(args.epochs)]))
    else:
        print("bench: torch is not installed in this environment; its row is skipped (it is never required)")

    runs = {impl: [] for impl, _ in implementations}
    for round_ in range(1, args.runs + 1):
        print(f"round {round_}/{args.runs}", flush=True)
        for impl, command in implementations:
            runs[impl].append(parse_w1(run_json_lines(command, env=blas, label=impl)))

    kernels = []
    if not args.skip_kernels:
        jmh = ["-f", "1", "-wi", "2", "-i", "3", "-w", "1s", "-r", "1s"] if args.quick else \
              ["-f", "1", "-wi", "3", "-i", "5", "-w", "1s", "-r", "1s"]
        kernels = kernel_benchmarks(jmh)
    recipe = None
    if not args.skip_recipe:
        lines = run_json_lines(java_command("gd.bench.Recipe", jvm_options=args.jvm.split()), label="recipe")
        recipe = lines[-1]

    w1 = summarise(runs)
    print_table(w1, kernels, recipe)
    results = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "processor": cpu_model(), "cores": os.cpu_count(),
                    "java": java_version(), "python": platform.python_version()},
        "w1": w1, "w1_runs": runs, "kernels": kernels, "recipe": recipe,
    }
    path = TARGET / "results.json"
    path.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nresults written to {path.relative_to(ROOT)}")


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def java_version():
    result = subprocess.run([os.environ.get("GD_JAVA", "java"), "-version"], capture_output=True, text=True)
    return result.stderr.splitlines()[0] if result.stderr else "unknown"


if __name__ == "__main__":
    main()
