package gd.bench;

import gd.data.Metrics;
import gd.data.Mnist;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Kernels;
import gd.matrix.Rng;
import gd.nn.Dense;
import gd.nn.ReLU;
import gd.nn.Sequential;
import gd.optim.Adam;
import gd.train.History;
import gd.train.Trainer;

/**
 * W1, the course's reference workload, through the library exactly as a notebook runs it: an MLP
 * 784-256-10 with ReLU and softmax cross-entropy, inputs = pixels/255, Adam (lr 1e-3, betas 0.9 and
 * 0.999, eps 1e-8), mini-batches of 64 reshuffled every epoch, the full MNIST training set.
 *
 * <p>Prints one JSON line per epoch (its time excludes loading the data) and a final line with the test
 * accuracy and the process's peak resident memory. Run in a fresh JVM, epoch 1 is the "cold" epoch a
 * learner waits for in a notebook; later epochs are "warm". Arguments: {@code --epochs N} (3),
 * {@code --threads T} (2), {@code --seed S} (42).
 */
public final class W1 {
    private W1() {
    }

    /** Runs the workload; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int epochs = Args.integer(args, "--epochs", 3);
        int threads = Args.integer(args, "--threads", 2);
        long seed = Args.integer(args, "--seed", 42);
        Kernels.threads(threads);

        long loadStart = System.nanoTime();
        Mnist mnist = Mnist.load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        Rng rng = Rng.seed(seed);
        var model = Sequential.of(Dense.of(784, 256, rng.split()), ReLU.of(), Dense.of(256, 10, rng.split()));
        var adam = Adam.of(model.parameters()).lr(1e-3).betas(0.9, 0.999).eps(1e-8);
        History history = Trainer.of(model, SoftmaxCrossEntropy.of(), adam)
                .batchSize(64)
                .shuffle(rng.split())
                .epochs(epochs)
                .statsEvery(0)
                .progress(false)
                .fit(mnist.train());

        double[] seconds = history.epochSeconds();
        for (int e = 0; e < seconds.length; e++) {
            System.out.printf(java.util.Locale.ROOT, "{\"impl\": \"java\", \"epoch\": %d, \"seconds\": %.4f}%n",
                    e + 1, seconds[e]);
        }
        model.eval();
        double accuracy = Metrics.accuracy(model.forward(mnist.test().x()), mnist.test().y());
        System.out.printf(java.util.Locale.ROOT,
                "{\"impl\": \"java\", \"test_accuracy\": %.4f, \"load_seconds\": %.3f, \"peak_rss_mb\": %.1f,"
                        + " \"threads\": %d}%n", accuracy, loadSeconds, Args.peakRssMegabytes(), threads);
    }
}
