package gd.data;

import gd.matrix.Matrix;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A file in the IDX format of the MNIST distribution: an array of unsigned bytes with its shape.
 * <pre>
 *   bytes 0–1   0x00 0x00
 *   byte  2     element type: 0x08 = unsigned byte (other types exist; MNIST uses only this one)
 *   byte  3     number of dimensions D
 *   then        D sizes, each a 4-byte big-endian integer (e.g. 60000, 28, 28)
 *   then        the elements, last index fastest (row-major), one byte each
 * </pre>
 * {@link #read(Path)} accepts the raw file or a gzip-compressed one; it tells them apart by the gzip
 * magic bytes 0x1f 0x8b, not by the file name. The whole element array is read in one piece into a
 * {@code byte[]} (one byte per pixel, 47 MB for MNIST's training images) and converted to doubles
 * in bulk by {@link #toMatrix(double)}.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    private final String name;
    private final int[] dimensions;
    private final byte[] data;

    private Idx(String name, int[] dimensions, byte[] data) {
        this.name = name;
        this.dimensions = dimensions;
        this.data = data;
    }

    /**
     * Reads an IDX file of unsigned bytes, raw or gzip-compressed. Refuses, naming the file, a file
     * that does not start with an IDX header, an element type other than unsigned byte, and a file
     * that holds fewer or more bytes than its header announces.
     */
    public static Idx read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("Idx.read(" + name + "): this is a folder, expected an IDX file (raw or"
                    + " gzip-compressed, e.g. train-images-idx3-ubyte.gz)");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            long size = Files.size(file);
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            return gzip ? readGzip(name + " (gzip)", buffered) : read(name, buffered, size);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Idx.read: no file " + name, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Idx.read(" + name + "): " + e.getMessage(), e);
        }
    }

    private static Idx readGzip(String name, InputStream compressed) throws IOException {
        try {
            return read(name, new GZIPInputStream(compressed, 1 << 16), -1);
        } catch (EOFException e) {
            throw new IllegalArgumentException("Idx.read(" + name + "): truncated: the compressed data ends before "
                    + "the IDX content is complete (" + e.getMessage() + ")", e);
        } catch (ZipException e) {
            throw new IllegalArgumentException("Idx.read(" + name + "): corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The IDX content of {@code in}; {@code fileSize} is the number of bytes it holds when known (a raw file), or
     * −1 (compressed data), in which case the elements are read in growing pieces, so that a header announcing
     * more than the file holds cannot make the reader allocate it.
     */
    private static Idx read(String name, InputStream in, long fileSize) throws IOException {
        byte[] magic = new byte[4];
        int got = in.readNBytes(magic, 0, 4);
        if (got < 4) {
            throw new IllegalArgumentException("Idx.read(" + name + "): the file ends after " + got
                    + " bytes, inside the 4-byte IDX header");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IllegalArgumentException("Idx.read(" + name + "): not an IDX file: it starts with "
                    + hex(magic) + ", expected 0x00 0x00, a type code and the number of dimensions");
        }
        int type = magic[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new IllegalArgumentException("Idx.read(" + name + "): element type " + String.format("0x%02X", type)
                    + " is not supported, expected 0x08 (unsigned byte, as in MNIST)");
        }
        int rank = magic[3] & 0xFF;
        if (rank == 0) {
            throw new IllegalArgumentException("Idx.read(" + name + "): the header announces 0 dimensions, expected at least 1");
        }
        byte[] sizes = new byte[4 * rank];
        got = in.readNBytes(sizes, 0, sizes.length);
        if (got < sizes.length) {
            throw new IllegalArgumentException("Idx.read(" + name + "): the file ends inside the header: "
                    + rank + " dimension sizes need " + sizes.length + " bytes, found " + got);
        }
        int[] dimensions = new int[rank];
        long total = 1;
        for (int k = 0; k < rank; k++) {
            int size = ((sizes[4 * k] & 0xFF) << 24) | ((sizes[4 * k + 1] & 0xFF) << 16)
                    | ((sizes[4 * k + 2] & 0xFF) << 8) | (sizes[4 * k + 3] & 0xFF);
            if (size < 0) {
                throw new IllegalArgumentException("Idx.read(" + name + "): dimension " + k + " has size "
                        + Integer.toUnsignedString(size) + ", more than this reader supports");
            }
            dimensions[k] = size;
            total *= size;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Idx.read(" + name + "): shape " + shape(dimensions) + " has " + total
                    + " elements, more than one Java array holds");
        }
        long available = fileSize - 4 - 4L * rank;
        if (fileSize >= 0 && total > available) {
            throw new IllegalArgumentException("Idx.read(" + name + "): truncated: the header announces "
                    + shape(dimensions) + " = " + total + " bytes of data, the file has only " + available);
        }
        byte[] data = fileSize >= 0 ? new byte[(int) total] : new byte[(int) Math.min(total, 1 << 20)];
        got = in.readNBytes(data, 0, data.length);
        while (got == data.length && data.length < total) {
            data = Arrays.copyOf(data, (int) Math.min(total, 2L * data.length));
            got += in.readNBytes(data, got, data.length - got);
        }
        if (got < total) {
            throw new IllegalArgumentException("Idx.read(" + name + "): truncated: the header announces "
                    + shape(dimensions) + " = " + total + " bytes of data, the file has only " + got);
        }
        if (in.read() != -1) {
            throw new IllegalArgumentException("Idx.read(" + name + "): the file has more bytes after the "
                    + total + " bytes of data that the header announces for " + shape(dimensions));
        }
        return new Idx(name, dimensions, data);
    }

    /** The sizes of the dimensions, e.g. {@code [60000, 28, 28]} (a copy). */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** The size of the first dimension: the number of items (images, labels). */
    public int count() {
        return dimensions[0];
    }

    /** The number of elements per item: the product of the sizes after the first (784 for 28 × 28 images, 1 for labels). */
    public int itemSize() {
        int size = 1;
        for (int k = 1; k < dimensions.length; k++) {
            size *= dimensions[k];
        }
        return size;
    }

    /** Element {@code index} of the flat, row-major element array, as a number in 0 … 255. */
    public int get(int index) {
        if (index < 0 || index >= data.length) {
            throw new IndexOutOfBoundsException("Idx.get: index " + index + " is outside 0…" + (data.length - 1));
        }
        return data[index] & 0xFF;
    }

    /**
     * The elements as a {@link #count()} × {@link #itemSize()} matrix, item i in row i, each value
     * divided by {@code divisor}: 255 maps pixels to [0, 1], 1 keeps labels as they are.
     */
    public Matrix toMatrix(double divisor) {
        if (!(divisor != 0 && Double.isFinite(divisor))) {
            throw new IllegalArgumentException("Idx.toMatrix: divisor must be finite and non-zero, got " + divisor);
        }
        double[] value = new double[256];
        for (int v = 0; v < 256; v++) {
            value[v] = v / divisor;
        }
        int n = count();
        int d = itemSize();
        Matrix m = Matrix.zeros(n, d);
        for (int i = 0; i < n; i++) {
            double[] row = m.row(i);
            int offset = i * d;
            for (int j = 0; j < d; j++) {
                row[j] = value[data[offset + j] & 0xFF];
            }
        }
        return m;
    }

    private static String shape(int[] dimensions) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < dimensions.length; k++) {
            s.append(k == 0 ? "" : "×").append(dimensions[k]);
        }
        return s.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("0x%02X", b & 0xFF));
        }
        return s.toString();
    }

    /** The file and the shape, e.g. {@code Idx(data/mnist/t10k-images-idx3-ubyte.gz (gzip): unsigned bytes 10000×28×28)}. */
    @Override
    public String toString() {
        return "Idx(" + name + ": unsigned bytes " + shape(dimensions) + ")";
    }

    /** Two reads of equal content are equal: same shape, same bytes (the file name is not compared). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Idx other && Arrays.equals(dimensions, other.dimensions) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dimensions) + Arrays.hashCode(data);
    }
}
