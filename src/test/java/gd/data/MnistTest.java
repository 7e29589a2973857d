package gd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MNIST files in data/mnist: their checksums, headers, and what {@link Mnist#load()} makes of them. */
class MnistTest {
    private static Mnist mnist;

    @BeforeAll
    static void load() {
        mnist = Mnist.load();
    }

    @AfterAll
    static void release() {
        mnist = null;
    }

    private static String sha256OfDecompressed(Path gz) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void filesHaveTheOriginalChecksums() {
        Path dir = Mnist.locate();
        assertEquals("0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                sha256OfDecompressed(dir.resolve("t10k-images-idx3-ubyte.gz")));
        assertEquals("ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
                sha256OfDecompressed(dir.resolve("t10k-labels-idx1-ubyte.gz")));
        assertEquals("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                sha256OfDecompressed(dir.resolve("train-images-idx3-ubyte.gz")));
        assertEquals("65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                sha256OfDecompressed(dir.resolve("train-labels-idx1-ubyte.gz")));
    }

    @Test
    void headersHaveTheDocumentedShapes() {
        Path dir = Mnist.locate();
        assertArrayEquals(new int[] {60000, 28, 28}, Idx.read(dir.resolve("train-images-idx3-ubyte.gz")).dimensions());
        assertArrayEquals(new int[] {60000}, Idx.read(dir.resolve("train-labels-idx1-ubyte.gz")).dimensions());
        assertArrayEquals(new int[] {10000, 28, 28}, Idx.read(dir.resolve("t10k-images-idx3-ubyte.gz")).dimensions());
        assertArrayEquals(new int[] {10000}, Idx.read(dir.resolve("t10k-labels-idx1-ubyte.gz")).dimensions());
    }

    @Test
    void datasetsHaveTheirSizesAndLabels() {
        assertEquals("Mnist(train: Dataset(60000 examples, 784 features, 10 classes),"
                + " test: Dataset(10000 examples, 784 features, 10 classes))", mnist.toString());
        assertEquals("60000×784", mnist.train().x().shape());
        assertEquals("60000×1", mnist.train().y().shape());
        assertEquals("10000×784", mnist.test().x().shape());
        assertEquals("10000×1", mnist.test().y().shape());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, mnist.test().classCounts());
        // the first labels of each file, as every MNIST tutorial shows them
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Labels.indices(mnist.train().y().rows(0, 10)));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Labels.indices(mnist.test().y().rows(0, 10)));
    }

    @Test
    void pixelsAreScaledToZeroOne() {
        for (Dataset d : new Dataset[] {mnist.train(), mnist.test()}) {
            assertEquals(0.0, d.x().min());
            assertEquals(1.0, d.x().max());
        }
        Matrix x = mnist.test().x();
        for (int i = 0; i < x.rows(); i += 97) {
            for (int j = 0; j < x.cols(); j++) {
                double v = x.get(i, j);
                double k = Math.rint(v * 255);
                assertEquals(k / 255, v, 0.0, "pixel (" + i + ", " + j + ") is a byte / 255");
            }
        }
        assertEquals(0.0, x.get(0, 0), "the border of a digit is background");
    }

    @Test
    void imageReshapesARow() {
        Matrix image = Mnist.image(mnist.test(), 0);
        assertEquals("28×28", image.shape());
        assertEquals(mnist.test().x().get(0, 7 * 28 + 9), image.get(7, 9));
        assertEquals("Mnist.image: example 10000 is outside 0…9999",
                assertThrows(IndexOutOfBoundsException.class, () -> Mnist.image(mnist.test(), 10000)).getMessage());
    }

    @Test
    void locateWalksUpFromSubfolders() {
        Path root = Mnist.locate();
        assertTrue(Files.isRegularFile(root.resolve("train-images-idx3-ubyte.gz")));
        assertEquals(root, Mnist.locate(root.getParent().getParent().resolve("src/main/java")));
        assertEquals(root, Mnist.locate(root));
    }

    @Test
    void locateAndLoadExplainWhatIsMissing(@TempDir Path empty) throws IOException {
        var e = assertThrows(IllegalArgumentException.class, () -> Mnist.locate(empty));
        assertTrue(e.getMessage().startsWith("Mnist.locate: no data/mnist folder with train-images-idx3-ubyte.gz in "
                + empty.resolve("data/mnist") + ", " + empty.getParent().resolve("data/mnist") + ", "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; run from inside the repository or call Mnist.load(Path)"), e.getMessage());
        Files.copy(Mnist.locate().resolve("t10k-labels-idx1-ubyte.gz"), empty.resolve("t10k-labels-idx1-ubyte.gz"));
        assertEquals("Mnist.load: neither train-labels-idx1-ubyte.gz nor train-labels-idx1-ubyte is in " + empty,
                assertThrows(IllegalArgumentException.class, () -> Mnist.load(empty)).getMessage());
    }
}
