package gd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.matrix.Matrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    /** A valid IDX file of unsigned bytes: 2 items of 2 × 3, elements 0, 50, 100, …, 250, 255. */
    private static final byte[] SAMPLE = {
        0, 0, 0x08, 3,
        0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3,
        0, 50, 100, (byte) 150, (byte) 200, (byte) 250,
        (byte) 255, 1, 2, 3, 4, 5};

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String error(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> Idx.read(file)).getMessage();
    }

    @Test
    void readsShapeAndValues() {
        Idx idx = Idx.read(write("sample-idx3-ubyte", SAMPLE));
        assertArrayEquals(new int[] {2, 2, 3}, idx.dimensions());
        assertEquals(2, idx.count());
        assertEquals(6, idx.itemSize());
        assertEquals(255, idx.get(6), "bytes are unsigned");
        Matrix m = idx.toMatrix(1);
        assertEquals("2×6", m.shape());
        assertArrayEquals(new double[] {0, 50, 100, 150, 200, 250}, m.row(0));
        assertArrayEquals(new double[] {255, 1, 2, 3, 4, 5}, m.row(1));
        assertArrayEquals(new double[] {1, 1 / 255.0, 2 / 255.0, 3 / 255.0, 4 / 255.0, 5 / 255.0},
                idx.toMatrix(255).row(1), 0.0);
        assertTrue(idx.toString().endsWith("sample-idx3-ubyte: unsigned bytes 2×2×3)"), idx.toString());
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesNotItsName() {
        Idx raw = Idx.read(write("raw", SAMPLE));
        Idx gz = Idx.read(write("compressed-but-no-suffix", gzip(SAMPLE)));
        Idx misnamed = Idx.read(write("raw-but-named.gz", SAMPLE));
        assertEquals(raw, gz);
        assertEquals(raw, misnamed);
        assertTrue(gz.toString().contains("(gzip)"), gz.toString());
    }

    @Test
    void oneDimensionalFileGivesAColumn() {
        byte[] labels = {0, 0, 0x08, 1, 0, 0, 0, 4, 7, 2, 1, 0};
        Idx idx = Idx.read(write("labels", labels));
        assertEquals(1, idx.itemSize());
        assertEquals(Matrix.columnVector(7, 2, 1, 0), idx.toMatrix(1));
    }

    @Test
    void badMagicIsRefused() {
        Path zip = write("images.zip", new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0});
        assertEquals("Idx.read(" + zip + "): not an IDX file: it starts with 0x50 0x4B 0x03 0x04, expected 0x00 0x00,"
                + " a type code and the number of dimensions", error(zip));
        byte[] floats = SAMPLE.clone();
        floats[2] = 0x0D;
        Path f = write("floats", floats);
        assertEquals("Idx.read(" + f + "): element type 0x0D is not supported, expected 0x08 (unsigned byte, as in MNIST)",
                error(f));
        Path scalar = write("scalar", new byte[] {0, 0, 0x08, 0});
        assertEquals("Idx.read(" + scalar + "): the header announces 0 dimensions, expected at least 1", error(scalar));
    }

    @Test
    void truncatedFilesAreRefused() {
        Path tiny = write("tiny", new byte[] {0, 0});
        assertEquals("Idx.read(" + tiny + "): the file ends after 2 bytes, inside the 4-byte IDX header", error(tiny));
        Path header = write("header", Arrays.copyOf(SAMPLE, 10));
        assertEquals("Idx.read(" + header + "): the file ends inside the header: 3 dimension sizes need 12 bytes,"
                + " found 6", error(header));
        Path data = write("data", Arrays.copyOf(SAMPLE, SAMPLE.length - 5));
        assertEquals("Idx.read(" + data + "): truncated: the header announces 2×2×3 = 12 bytes of data, the file has"
                + " only 7", error(data));
        byte[] gz = gzip(SAMPLE);
        Path cut = write("cut.gz", Arrays.copyOf(gz, gz.length - 12));
        assertTrue(error(cut).startsWith("Idx.read(" + cut + " (gzip)): truncated: the compressed data ends before the"
                + " IDX content is complete"), error(cut));
    }

    @Test
    void corruptGzipIsRefused() {
        byte[] gz = gzip(SAMPLE);
        for (int i = 10; i < gz.length - 8; i++) {
            gz[i] = (byte) 0xFF;
        }
        Path bad = write("bad.gz", gz);
        assertTrue(error(bad).startsWith("Idx.read(" + bad + " (gzip)): corrupt gzip data ("), error(bad));
    }

    @Test
    void extraBytesAreRefused() {
        Path longer = write("longer", Arrays.copyOf(SAMPLE, SAMPLE.length + 1));
        assertEquals("Idx.read(" + longer + "): the file has more bytes after the 12 bytes of data that the header"
                + " announces for 2×2×3", error(longer));
    }

    @Test
    void missingFileAndBadDivisor() {
        Path missing = dir.resolve("missing");
        assertEquals("Idx.read: no file " + missing, error(missing));
        Idx idx = Idx.read(write("ok", SAMPLE));
        assertEquals("Idx.toMatrix: divisor must be finite and non-zero, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> idx.toMatrix(0)).getMessage());
    }
}
