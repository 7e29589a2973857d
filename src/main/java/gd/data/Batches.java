package gd.data;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * How one pass over a dataset (an epoch) is cut into the batches that each gradient step sees. The
 * three modes of gradient descent:
 * <pre>
 *   full batch      one batch of all n examples per epoch: the exact gradient, one step per epoch
 *   stochastic      n batches of one example: a noisy gradient, n steps per epoch
 *   mini-batch (b)  ⌈n / b⌉ batches of b examples: the usual compromise
 * </pre>
 * Stochastic and mini-batch modes visit the examples in a new random order every epoch, drawn from
 * the given {@link Rng}: the same seed gives the same sequence of epochs. The last batch of an epoch
 * is smaller when b does not divide n, unless {@link #dropLast(boolean)} drops it (like PyTorch's
 * {@code DataLoader(drop_last=True)}).
 * <pre>{@code
 * var batches = Batches.miniBatch(train, 64, rng.split());
 * for (int epoch = 0; epoch < 10; epoch++) {
 *     for (Dataset batch : batches.epoch()) {
 *         // forward on batch.x(), loss against batch.y(), backward, optimizer step
 *     }
 * }
 * }</pre>
 * Each batch is a fresh copy of its rows (gathered with {@link Matrix#rows(int[])}), so a training
 * loop may change it freely. A batch that is the whole dataset in its own order (full batch mode) is
 * the dataset itself, not a copy: 376 MB of MNIST pixels are not duplicated every epoch.
 */
public final class Batches {
    private final Dataset data;
    private final String mode;
    private final int batchSize;
    private final Rng rng;
    private boolean dropLast;

    private Batches(Dataset data, String mode, int batchSize, Rng rng) {
        this.data = data;
        this.mode = mode;
        this.batchSize = batchSize;
        this.rng = rng;
    }

    /** Full-batch gradient descent: every epoch is one batch, the whole dataset (not copied, not shuffled). */
    public static Batches full(Dataset data) {
        requireData("full", data);
        return new Batches(data, "full batch", data.size(), null);
    }

    /** Stochastic gradient descent: every epoch visits the examples one at a time, in a new order drawn from {@code rng}. */
    public static Batches stochastic(Dataset data, Rng rng) {
        requireData("stochastic", data);
        requireRng("stochastic", rng);
        return new Batches(data, "stochastic", 1, rng);
    }

    /**
     * Mini-batch gradient descent: every epoch cuts a new random order (drawn from {@code rng}) into
     * batches of {@code size} examples; the last one is smaller when {@code size} does not divide n.
     */
    public static Batches miniBatch(Dataset data, int size, Rng rng) {
        requireData("miniBatch", data);
        requireSize("miniBatch", size);
        requireRng("miniBatch", rng);
        return new Batches(data, "mini-batch of " + size, size, rng);
    }

    /** Batches of {@code size} consecutive examples in the dataset's own order, e.g. to evaluate a large set in pieces. */
    public static Batches inOrder(Dataset data, int size) {
        requireData("inOrder", data);
        requireSize("inOrder", size);
        return new Batches(data, "in order, batches of " + size, size, null);
    }

    /**
     * Whether to drop the last batch of each epoch when it is smaller than the batch size (default
     * {@code false}). Refused when it would leave no batch at all.
     */
    public Batches dropLast(boolean drop) {
        if (drop && batchSize > data.size()) {
            throw new IllegalArgumentException("Batches.dropLast: batches of " + batchSize + " from " + data.size()
                    + " examples leave no full batch to keep");
        }
        this.dropLast = drop;
        return this;
    }

    /** Whether a smaller last batch is dropped. */
    public boolean dropLast() {
        return dropLast;
    }

    /** The number of examples per batch (the last batch of an epoch may hold fewer). */
    public int batchSize() {
        return batchSize;
    }

    /** The dataset the batches come from. */
    public Dataset data() {
        return data;
    }

    /** Whether each epoch visits the examples in a new random order. */
    public boolean shuffled() {
        return rng != null;
    }

    /** How many batches (and so gradient steps) one epoch has. */
    public int batchesPerEpoch() {
        int n = data.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * The batches of the next epoch. A shuffled mode draws the epoch's order from its {@link Rng}
     * now, so each call gives a new order; iterating the returned epoch again repeats the same
     * batches. The batches are copied out one by one as the iteration reaches them.
     */
    public Iterable<Dataset> epoch() {
        if (rng == null && batchSize == data.size()) {
            return List.of(data);
        }
        int[] order = rng == null ? null : rng.permutation(data.size());
        int count = batchesPerEpoch();
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Dataset next() {
                if (next >= count) {
                    throw new NoSuchElementException("Batches.epoch: all " + count + " batches have been visited");
                }
                int from = next * batchSize;
                int to = Math.min(from + batchSize, data.size());
                next++;
                if (order == null) {
                    return new Dataset(data.x().rows(from, to), data.y().rows(from, to));
                }
                int[] indices = Arrays.copyOfRange(order, from, to);
                return new Dataset(data.x().rows(indices), data.y().rows(indices));
            }
        };
    }

    private static void requireData(String operation, Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException("Batches." + operation + ": the dataset must not be null");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("Batches." + operation + ": the dataset has no examples");
        }
    }

    private static void requireSize(String operation, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Batches." + operation + ": batch size must be ≥ 1, got " + size);
        }
    }

    private static void requireRng(String operation, Rng rng) {
        if (rng == null) {
            throw new IllegalArgumentException("Batches." + operation
                    + ": rng must not be null; pass one to shuffle every epoch, e.g. rng.split()");
        }
    }

    /** The mode and sizes, e.g. {@code Batches(mini-batch of 64, 60000 examples, 938 batches per epoch, shuffled)}. */
    @Override
    public String toString() {
        int count = batchesPerEpoch();
        return "Batches(" + mode + ", " + data.size() + (data.size() == 1 ? " example, " : " examples, ") + count
                + (count == 1 ? " batch" : " batches") + " per epoch" + (rng != null ? ", shuffled" : "")
                + (dropLast ? ", dropLast" : "") + ")";
    }
}
