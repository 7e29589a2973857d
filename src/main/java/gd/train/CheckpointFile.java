package gd.train;

import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.optim.OptimizerState;
import gd.schedule.SchedulerState;
import gd.util.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The bytes of a {@link Checkpoint} (the layout is in its documentation): the sections, the header and the
 * checksum, the atomic write, and the checks that refuse a damaged file before anything is read from it.
 */
final class CheckpointFile {
    /** The format version this class writes and reads. */
    static final int VERSION = 2;
    private static final byte[] MAGIC = "GD-CKPT\n".getBytes(StandardCharsets.US_ASCII);
    /** The magic, the version and the length of the body. */
    private static final int HEADER = MAGIC.length + Integer.BYTES + Long.BYTES;
    /** The CRC32 of everything before it. */
    private static final int TRAILER = Integer.BYTES;

    private CheckpointFile() {
    }

    /** What writes the content of a file. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    // ---------------------------------------------------------------- the file as a whole

    /** The whole file: header, body, checksum. */
    static byte[] encode(Checkpoint c) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            writeBody(new DataOutputStream(body), c);
            ByteArrayOutputStream file = new ByteArrayOutputStream(HEADER + body.size() + TRAILER);
            DataOutputStream out = new DataOutputStream(file);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(body.size());
            body.writeTo(out);
            out.writeInt(crc(file.toByteArray(), file.size()));
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream does not fail
        }
    }

    /** Reads a checkpoint from the bytes of {@code path}, refusing a file that is not whole and intact. */
    static Checkpoint decode(byte[] bytes, Path path) {
        String file = "Checkpoint.load: " + path;
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            boolean start = Arrays.equals(bytes, 0, Math.min(bytes.length, MAGIC.length), MAGIC, 0,
                    Math.min(bytes.length, MAGIC.length));
            throw new IllegalArgumentException(file + (start
                    ? " is truncated: it has " + Format.plural(bytes.length, "byte") + ", fewer than the "
                            + HEADER + "-byte header; the save was interrupted: use an earlier checkpoint"
                    : " is not a checkpoint: it does not start with \"GD-CKPT\"; pass a file written by"
                            + " Checkpoint.save or Trainer.checkpointEvery"));
        }
        if (bytes.length < HEADER) {
            throw truncated(file, bytes.length, HEADER);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, MAGIC.length, HEADER - MAGIC.length);
        int version = header.getInt();
        long length = header.getLong();
        long expected = HEADER + length + TRAILER;
        if (length < 0 || bytes.length < expected) {
            throw truncated(file, bytes.length, expected);
        }
        if (bytes.length > expected) {
            throw new IllegalArgumentException(file + " is corrupt: " + Format.plural(bytes.length - expected, "byte")
                    + " follow the end its header announces; use an earlier checkpoint, or save again");
        }
        int stored = ByteBuffer.wrap(bytes, (int) (expected - TRAILER), TRAILER).getInt();
        int actual = crc(bytes, (int) (expected - TRAILER));
        if (stored != actual) {
            throw new IllegalArgumentException(file + " is corrupt: its content does not match its checksum (CRC32 "
                    + hex(actual) + ", stored " + hex(stored) + "), so bytes changed after it was written; use an"
                    + " earlier checkpoint, or save again");
        }
        if (version != VERSION) {
            throw new IllegalArgumentException(file + " has format version " + version + ", but this library reads"
                    + " version " + VERSION + "; load it with the version of the library that wrote it, or write a"
                    + " new checkpoint with this one");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, HEADER, (int) length));
            Checkpoint c = readBody(in, path);
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes are left over after the last section");
            }
            return c;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is corrupt although its checksum holds (" + e.getMessage()
                    + "); it was not written by Checkpoint.save of this library version", e);
        }
    }

    /**
     * Writes a file so that it is either whole or absent: into a temporary file in the same folder, flushed to the
     * disk, then renamed over {@code path}. On failure the temporary file is deleted and a file already at
     * {@code path} is left as it was.
     */
    static void writeAtomically(String operation, Path path, Content content) {
        Path target = path.toAbsolutePath();
        Path temp = null;
        boolean moved = false;
        try {
            temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new UncheckedIOException(operation + ": could not write " + path + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); no partial file was left and a file already there is unchanged:"
                    + " check that the folder exists, is writable and has space", e);
        } finally {
            if (!moved && temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }

    private static IllegalArgumentException truncated(String file, long size, long expected) {
        return new IllegalArgumentException(file + " is truncated: it has " + Format.plural(size, "byte")
                + " but its header announces " + Format.count(expected) + "; the save was interrupted or the copy is"
                + " incomplete: use an earlier checkpoint");
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static String hex(int value) {
        return String.format("%08x", value);
    }

    // ---------------------------------------------------------------- the sections

    private static void writeBody(DataOutputStream out, Checkpoint c) throws IOException {
        out.writeInt(c.parameterNames().size());
        for (int i = 0; i < c.parameterNames().size(); i++) {
            out.writeUTF(c.parameterNames().get(i));
            writeMatrix(out, c.parameters().get(i));
        }
        writeMatrices(out, c.buffers());
        writeOptimizer(out, c.optimizer());
        writeSchedule(out, c.schedule());
        out.writeBoolean(c.rng() != null);
        if (c.rng() != null) {
            writeRng(out, c.rng());
        }
        out.writeInt(c.layerGenerators().size());
        for (Rng.State g : c.layerGenerators()) {
            writeRng(out, g);
        }
        out.writeBoolean(c.history() != null);
        if (c.history() != null) {
            writeHistory(out, c.history());
        }
        LoopState loop = c.loop();
        out.writeBoolean(loop != null);
        if (loop == null) {
            return;
        }
        HealthCheck.State health = loop.health();
        out.writeDouble(health.average());
        out.writeInt(health.steps());
        out.writeDouble(health.first());
        out.writeDouble(health.lowest());
        out.writeInt(health.lowestStep());
        out.writeBoolean(health.warned());
        EarlyStopping.State es = loop.earlyStopping();
        out.writeBoolean(es != null);
        if (es != null) {
            out.writeDouble(es.best());
            out.writeInt(es.waited());
            out.writeInt(es.bestEpoch());
            out.writeBoolean(es.weights() != null);
            if (es.weights() != null) {
                writeMatrices(out, es.weights());
            }
        }
    }

    private static Checkpoint readBody(DataInputStream in, Path path) throws IOException {
        int n = count(in);
        List<String> names = new ArrayList<>(n);
        List<Matrix> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(in.readUTF());
            values.add(readMatrix(in));
        }
        List<Matrix> buffers = readMatrices(in);
        OptimizerState optimizer = readOptimizer(in);
        SchedulerState schedule = readSchedule(in);
        Rng.State rng = in.readBoolean() ? readRng(in) : null;
        int generators = count(in);
        List<Rng.State> layerGenerators = new ArrayList<>(generators);
        for (int i = 0; i < generators; i++) {
            layerGenerators.add(readRng(in));
        }
        History history = in.readBoolean() ? readHistory(in) : null;
        LoopState loop = in.readBoolean() ? readLoop(in) : null;
        return new Checkpoint(path, names, values, buffers, optimizer, schedule, rng, layerGenerators, history, loop);
    }

    private static LoopState readLoop(DataInputStream in) throws IOException {
        HealthCheck.State health = new HealthCheck.State(in.readDouble(), in.readInt(), in.readDouble(),
                in.readDouble(), in.readInt(), in.readBoolean());
        EarlyStopping.State es = null;
        if (in.readBoolean()) {
            double best = in.readDouble();
            int waited = in.readInt();
            int bestEpoch = in.readInt();
            es = new EarlyStopping.State(best, waited, bestEpoch, in.readBoolean() ? readMatrices(in) : null);
        }
        return new LoopState(health, es);
    }

    private static void writeOptimizer(DataOutputStream out, OptimizerState o) throws IOException {
        out.writeBoolean(o != null);
        if (o == null) {
            return;
        }
        out.writeUTF(o.optimizer());
        out.writeLong(o.steps());
        out.writeInt(o.groups().size());
        for (OptimizerState.Group g : o.groups()) {
            out.writeInt(g.size());
            out.writeDouble(g.lr());
            out.writeDouble(g.initialLr());
        }
        out.writeInt(o.parameters().size());
        for (Map<String, Object> state : o.parameters()) {
            out.writeInt(state.size());
            for (Map.Entry<String, Object> e : state.entrySet()) {
                out.writeUTF(e.getKey());
                Object value = e.getValue();
                if (value instanceof Integer i) {
                    out.writeByte('I');
                    out.writeInt(i);
                } else if (value instanceof Double d) {
                    out.writeByte('D');
                    out.writeDouble(d);
                } else if (value instanceof Matrix m) {
                    out.writeByte('M');
                    writeMatrix(out, m);
                } else {
                    throw new IllegalArgumentException("Checkpoint.save: the optimizer state " + e.getKey() + " is a "
                            + value.getClass().getSimpleName() + "; a state holds integers, numbers and matrices");
                }
            }
        }
    }

    private static OptimizerState readOptimizer(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String name = in.readUTF();
        long steps = in.readLong();
        int groupCount = count(in);
        List<OptimizerState.Group> groups = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            groups.add(new OptimizerState.Group(in.readInt(), in.readDouble(), in.readDouble()));
        }
        int paramCount = count(in);
        List<Map<String, Object>> params = new ArrayList<>(paramCount);
        for (int p = 0; p < paramCount; p++) {
            int entries = count(in);
            Map<String, Object> state = new LinkedHashMap<>();
            for (int e = 0; e < entries; e++) {
                String key = in.readUTF();
                byte type = in.readByte();
                state.put(key, switch (type) {
                    case 'I' -> in.readInt();
                    case 'D' -> in.readDouble();
                    case 'M' -> readMatrix(in);
                    default -> throw new IOException("unknown type " + type + " of optimizer state " + key);
                });
            }
            params.add(state);
        }
        return new OptimizerState(name, steps, groups, params);
    }

    private static void writeSchedule(DataOutputStream out, SchedulerState s) throws IOException {
        if (s == null) {
            out.writeByte(0);
        } else if (s instanceof SchedulerState.Steps steps) {
            out.writeByte(1);
            out.writeInt(steps.stepCount());
        } else if (s instanceof SchedulerState.Plateau p) {
            out.writeByte(2);
            out.writeDouble(p.best());
            out.writeInt(p.numBadEpochs());
            out.writeInt(p.cooldownCounter());
            out.writeInt(p.stepCount());
        }
    }

    private static SchedulerState readSchedule(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case 0 -> null;
            case 1 -> new SchedulerState.Steps(in.readInt());
            case 2 -> new SchedulerState.Plateau(in.readDouble(), in.readInt(), in.readInt(), in.readInt());
            default -> throw new IOException("unknown kind " + kind + " of schedule state");
        };
    }

    private static void writeRng(DataOutputStream out, Rng.State s) throws IOException {
        out.writeLong(s.seed());
        out.writeLong(s.gamma());
    }

    private static Rng.State readRng(DataInputStream in) throws IOException {
        return new Rng.State(in.readLong(), in.readLong());
    }

    private static void writeHistory(DataOutputStream out, History h) throws IOException {
        writeDoubles(out, h.loss());
        writeDoubles(out, h.lr());
        writeInts(out, h.epochOfStep());
        writeDoubles(out, h.epochLoss());
        writeDoubles(out, h.validationLoss());
        writeStrings(out, h.metricNames());
        for (String m : h.metricNames()) {
            writeDoubles(out, h.metric(m));
            writeDoubles(out, h.validationMetric(m));
        }
        writeInts(out, h.statsSteps());
        writeDoubles(out, h.gradNorm());
        writeStrings(out, h.parameterNames());
        for (String p : h.parameterNames()) {
            writeDoubles(out, h.gradNorm(p));
            writeDoubles(out, h.weightNorm(p));
            writeDoubles(out, h.updateRatio(p));
            History.GradStats g = h.gradStats(p);
            writeDoubles(out, g.min());
            writeDoubles(out, g.max());
            writeDoubles(out, g.mean());
            writeDoubles(out, g.std());
        }
        writeDoubles(out, h.epochSeconds());
        out.writeBoolean(h.diverged());
        out.writeBoolean(h.stopReason() != null);
        if (h.stopReason() != null) {
            out.writeUTF(h.stopReason());
        }
        out.writeInt(h.bestEpoch());
        writeStrings(out, h.warnings());
    }

    private static History readHistory(DataInputStream in) throws IOException {
        double[] loss = readDoubles(in);
        double[] lr = readDoubles(in);
        int[] epochOfStep = readInts(in);
        double[] epochLoss = readDoubles(in);
        double[] validationLoss = readDoubles(in);
        List<String> metricNames = readStrings(in);
        double[][] metrics = new double[metricNames.size()][];
        double[][] validationMetrics = new double[metricNames.size()][];
        for (int m = 0; m < metrics.length; m++) {
            metrics[m] = readDoubles(in);
            validationMetrics[m] = readDoubles(in);
        }
        int[] statsSteps = readInts(in);
        double[] gradNorm = readDoubles(in);
        List<String> parameterNames = readStrings(in);
        int n = parameterNames.size();
        double[][] gradNorms = new double[n][];
        double[][] weightNorms = new double[n][];
        double[][] updateRatios = new double[n][];
        History.GradStats[] gradStats = new History.GradStats[n];
        for (int p = 0; p < n; p++) {
            gradNorms[p] = readDoubles(in);
            weightNorms[p] = readDoubles(in);
            updateRatios[p] = readDoubles(in);
            gradStats[p] = new History.GradStats(readDoubles(in), readDoubles(in), readDoubles(in), readDoubles(in));
        }
        double[] epochSeconds = readDoubles(in);
        boolean diverged = in.readBoolean();
        String stopReason = in.readBoolean() ? in.readUTF() : null;
        int bestEpoch = in.readInt();
        List<String> warnings = readStrings(in);
        return new History(loss, lr, epochOfStep, epochLoss, validationLoss, metricNames, metrics, validationMetrics,
                statsSteps, gradNorm, parameterNames, gradNorms, weightNorms, updateRatios, gradStats, epochSeconds,
                diverged, stopReason, bestEpoch, warnings);
    }

    // ---------------------------------------------------------------- matrices, arrays, strings

    private static void writeMatrix(DataOutputStream out, Matrix m) throws IOException {
        out.writeInt(m.rows());
        out.writeInt(m.cols());
        for (int i = 0; i < m.rows(); i++) {
            for (double x : m.row(i)) {
                out.writeDouble(x);
            }
        }
    }

    private static Matrix readMatrix(DataInputStream in) throws IOException {
        int rows = count(in);
        int cols = count(in);
        if ((long) rows * cols * Double.BYTES > in.available()) {
            throw new IOException("a " + rows + "×" + cols + " matrix is longer than the rest of the file");
        }
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            double[] row = m.row(i);
            for (int j = 0; j < cols; j++) {
                row[j] = in.readDouble();
            }
        }
        return m;
    }

    private static void writeMatrices(DataOutputStream out, List<Matrix> matrices) throws IOException {
        out.writeInt(matrices.size());
        for (Matrix m : matrices) {
            writeMatrix(out, m);
        }
    }

    private static List<Matrix> readMatrices(DataInputStream in) throws IOException {
        int n = count(in);
        List<Matrix> matrices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            matrices.add(readMatrix(in));
        }
        return matrices;
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double x : values) {
            out.writeDouble(x);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[count(in, Double.BYTES)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int x : values) {
            out.writeInt(x);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[count(in, Integer.BYTES)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String s : values) {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    /** A count, which cannot be negative nor larger than the bytes that are left. */
    private static int count(DataInputStream in) throws IOException {
        return count(in, 1);
    }

    /** A count of elements of {@code bytes} bytes each, which must fit in the bytes that are left. */
    private static int count(DataInputStream in, int bytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytes > in.available()) {
            throw new IOException("a count of " + n + " does not fit in the " + in.available() + " bytes left");
        }
        return n;
    }
}
