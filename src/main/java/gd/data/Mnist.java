package gd.data;

import gd.matrix.Matrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The MNIST handwritten digits: 60,000 training and 10,000 test images of 28 × 28 grey pixels with
 * their digit 0 … 9.
 *
 * <p>Each image is one row of 784 features, the pixels row by row, scaled from 0 … 255 to
 * {@code pixel / 255} in [0, 1] (0 = background, 1 = ink); the target is an n × 1 column of class
 * indices. The four original IDX files live in {@code data/mnist/} of the repository (see its
 * README); {@link #load()} finds that folder from the working directory.
 * <pre>{@code
 * var mnist = Mnist.load();   // Mnist(train: Dataset(60000 examples, 784 features, 10 classes), test: ...)
 * var parts = mnist.train().split(50_000.0 / 60_000, rng.split());
 * }</pre>
 * Memory: the training pixels take 60000 · 784 · 8 bytes ≈ 376 MB as doubles, the test pixels 63 MB.
 *
 * @param train the 60,000 training examples
 * @param test the 10,000 test examples, to be used for a final evaluation only
 */
public record Mnist(Dataset train, Dataset test) {
    /** The folder, relative to the repository root, that holds the IDX files. */
    public static final String FOLDER = "data/mnist";

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    private static final int SIDE = 28;

    /** Loads MNIST from the {@code data/mnist} folder found by {@link #locate()}. */
    public static Mnist load() {
        return load(locate());
    }

    /**
     * Loads MNIST from {@code dir}, which holds the four IDX files, each either gzip-compressed
     * ({@code train-images-idx3-ubyte.gz}, …) or raw (the same names without {@code .gz}).
     */
    public static Mnist load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Mnist.load: " + dir.toAbsolutePath() + " is not a directory");
        }
        Dataset train = load(dir, TRAIN_IMAGES, TRAIN_LABELS);
        Dataset test = load(dir, TEST_IMAGES, TEST_LABELS);
        return new Mnist(train, test);
    }

    private static Dataset load(Path dir, String imagesName, String labelsName) {
        Idx labels = Idx.read(file(dir, labelsName));
        if (labels.dimensions().length != 1) {
            throw new IllegalArgumentException("Mnist.load: " + labels + " should be one-dimensional (one label per image)");
        }
        Matrix y = labels.toMatrix(1);
        for (int i = 0; i < y.rows(); i++) {
            if (y.get(i, 0) > 9) {
                throw new IllegalArgumentException("Mnist.load: label " + i + " of " + labels + " is "
                        + (int) y.get(i, 0) + ", expected a digit 0…9");
            }
        }
        Idx images = Idx.read(file(dir, imagesName));
        int[] dims = images.dimensions();
        if (dims.length != 3 || dims[1] != SIDE || dims[2] != SIDE) {
            throw new IllegalArgumentException("Mnist.load: " + images + " should hold n×28×28 images");
        }
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException("Mnist.load: " + images.count() + " images in " + images + " but "
                    + labels.count() + " labels in " + labels);
        }
        return new Dataset(images.toMatrix(255), y);
    }

    private static Path file(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        throw new IllegalArgumentException("Mnist.load: neither " + name + ".gz nor " + name + " is in "
                + dir.toAbsolutePath());
    }

    /**
     * The {@code data/mnist} folder of the repository, searched for from the working directory
     * upwards: notebooks run in {@code notebooks/}, benchmarks and tests at the repository root.
     */
    public static Path locate() {
        return locate(Path.of("").toAbsolutePath());
    }

    /**
     * The first folder {@code data/mnist} holding {@code train-images-idx3-ubyte.gz} (or the raw
     * file) in {@code start} or one of its ancestors. The error lists every place searched.
     */
    public static Path locate(Path start) {
        List<String> searched = new ArrayList<>();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isRegularFile(candidate.resolve(TRAIN_IMAGES + ".gz"))
                    || Files.isRegularFile(candidate.resolve(TRAIN_IMAGES))) {
                return candidate;
            }
            searched.add(candidate.toString());
        }
        throw new IllegalArgumentException("Mnist.locate: no " + FOLDER + " folder with " + TRAIN_IMAGES
                + ".gz in " + String.join(", ", searched) + "; run from inside the repository or call Mnist.load(Path)");
    }

    /** A 28 × 28 matrix of the pixels of row {@code i} of {@code data} (an image, for plotting). */
    public static Matrix image(Dataset data, int i) {
        if (data.featureCount() != SIDE * SIDE) {
            throw new IllegalArgumentException("Mnist.image: the dataset has " + data.featureCount()
                    + " features, expected 784 (28×28 pixels)");
        }
        if (i < 0 || i >= data.size()) {
            throw new IndexOutOfBoundsException("Mnist.image: example " + i + " is outside 0…" + (data.size() - 1));
        }
        double[] pixels = data.x().row(i);
        return Matrix.fromFunction(SIDE, SIDE, (r, c) -> pixels[r * SIDE + c]);
    }

    /** Both datasets, e.g. {@code Mnist(train: Dataset(60000 examples, 784 features, 10 classes), test: …)}. */
    @Override
    public String toString() {
        return "Mnist(train: " + train + ", test: " + test + ")";
    }
}
