package gd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.Batches;
import gd.data.Dataset;
import gd.data.Metrics;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.BatchNorm;
import gd.nn.Dense;
import gd.nn.Dropout;
import gd.nn.ReLU;
import gd.nn.Sequential;
import gd.optim.Adam;
import gd.optim.Sgd;
import gd.schedule.CosineAnnealingLR;
import gd.schedule.LRScheduler;
import gd.schedule.ReduceLROnPlateau;
import gd.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Checkpoint}: a run saved and restored into new objects continues bit for bit; a damaged file, a file of
 * another version and a model of another architecture are refused with messages that say what to do; a failed
 * write leaves nothing behind.
 */
class CheckpointTest {
    private static final Dataset TRAIN = Fixtures.classification(60, 4, 3, Rng.seed(3));

    @TempDir
    Path dir;

    /** A run built the same way every time: BatchNorm, Dropout, Adam, a cosine schedule, shuffled mini-batches. */
    private static final class Run {
        final Rng rng = Rng.seed(11);
        final Sequential model = Sequential.of(Dense.of(4, 16, rng.split()), BatchNorm.of(16), ReLU.of(),
                Dropout.of(0.3, rng.split()), Dense.of(16, 3, rng.split()));
        final Adam opt = Adam.of(model.parameters()).lr(0.01);
        final LRScheduler sched = CosineAnnealingLR.of(opt).tMax(40);
        final Rng shuffle = rng.split();
        final TrainingStep step = TrainingStep.of(model, SoftmaxCrossEntropy.of(), opt).schedule(sched);
        final Batches batches = Batches.miniBatch(TRAIN, 16, shuffle);

        void epochs(int n) {
            for (int e = 0; e < n; e++) {
                for (Dataset b : batches.epoch()) {
                    step.run(b.x(), b.y());
                }
            }
        }

        void save(Path path) {
            Checkpoint.save(path, model, opt, sched, shuffle, null);
        }
    }

    @Test
    void aRestoredRunContinuesBitForBit() {
        Run whole = new Run();
        whole.epochs(5);

        Run first = new Run();
        first.epochs(2);
        Path path = dir.resolve("run.ckpt");
        first.save(path);
        Run second = new Run();
        Checkpoint checkpoint = Checkpoint.load(path);
        checkpoint.restore(second.model, second.opt, second.sched, second.shuffle);
        second.epochs(3);

        assertEquals(Fixtures.weights(whole.model), Fixtures.weights(second.model));
        assertEquals(whole.model.buffers(), second.model.buffers());
        assertEquals(whole.opt.state(), second.opt.state());
        assertEquals(whole.sched.state(), second.sched.state());
        assertEquals(whole.shuffle.state(), second.shuffle.state());
        assertEquals(whole.model.generators().get(0).state(), second.model.generators().get(0).state());
        assertTrue(checkpoint.toString().startsWith("Checkpoint(" + path + ": 6 parameters, Adam after 8 steps"),
                checkpoint.toString());
        assertEquals(List.of(), leftovers(), "no temporary file is left");
    }

    @Test
    void theHistoryComesBackEqualWithItsTimes() {
        Sequential model = Fixtures.mlp(4, 8, 3, Rng.seed(4));
        Adam opt = Adam.of(model.parameters());
        ReduceLROnPlateau plateau = ReduceLROnPlateau.of(opt).patience(0);
        History history = Trainer.of(model, SoftmaxCrossEntropy.of(), opt).progress(false).batchSize(16)
                .shuffle(Rng.seed(5)).validation(TRAIN).metric("accuracy", Metrics::accuracy).statsEvery(2)
                .schedule(plateau).epochs(3).fit(TRAIN);
        Path path = dir.resolve("history.ckpt");
        Checkpoint.save(path, model, opt, plateau, null, history);
        Checkpoint loaded = Checkpoint.load(path);
        assertEquals(history, loaded.history());
        assertArrayEquals(history.epochSeconds(), loaded.history().epochSeconds());
        assertEquals(history.toString(), loaded.history().toString());
        assertEquals(3, loaded.epochs());
        assertEquals(plateau.state(), loaded.schedule());
    }

    // ---------------------------------------------------------------- damaged files

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path path = dir.resolve("run.ckpt");
        new Run().save(path);
        byte[] bytes = Files.readAllBytes(path);
        Path cut = dir.resolve("cut.ckpt");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(cut));
        assertEquals("Checkpoint.load: " + cut + " is truncated: it has " + String.format("%,d", bytes.length - 100)
                + " bytes but its header announces " + String.format("%,d", bytes.length) + "; the save was"
                + " interrupted or the copy is incomplete: use an earlier checkpoint", e.getMessage());

        Files.write(cut, java.util.Arrays.copyOf(bytes, 5));
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(cut));
        assertEquals("Checkpoint.load: " + cut + " is truncated: it has 5 bytes, fewer than the 20-byte header; the"
                + " save was interrupted: use an earlier checkpoint", e.getMessage());
    }

    @Test
    void aFlippedBitIsRefusedWherever() throws IOException {
        Path path = dir.resolve("small.ckpt");
        Sequential model = Sequential.of(Dense.of(2, 2, Rng.seed(1)), Dropout.of(0.5, Rng.seed(2)));
        Sgd opt = Sgd.of(model.parameters()).momentum(0.9);
        Checkpoint.save(path, model, opt, null, Rng.seed(3), null);
        byte[] bytes = Files.readAllBytes(path);
        Path flipped = dir.resolve("flipped.ckpt");
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= (byte) (1 << (i % 8));
            Files.write(flipped, copy);
            int at = i;
            assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(flipped), () -> "bit at byte " + at);
        }
        byte[] copy = bytes.clone();
        copy[bytes.length / 2] ^= 0x10;
        Files.write(flipped, copy);
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(flipped));
        assertEquals("Checkpoint.load: " + flipped + " is corrupt: its content does not match its checksum (CRC32 "
                + crc(copy) + ", stored " + crc(bytes) + "), so bytes changed after it was written; use an earlier"
                + " checkpoint, or save again", e.getMessage());
    }

    @Test
    void aFileOfAnotherFormatVersionIsRefused() throws IOException {
        Path path = dir.resolve("v3.ckpt");
        new Run().save(path);
        byte[] bytes = Files.readAllBytes(path);
        ByteBuffer.wrap(bytes).putInt(8, 3);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc32(bytes, bytes.length - 4));
        Files.write(path, bytes);
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(path));
        assertEquals("Checkpoint.load: " + path + " has format version 3, but this library reads version 2; load it"
                + " with the version of the library that wrote it, or write a new checkpoint with this one",
                e.getMessage());
    }

    @Test
    void aFileThatIsNotACheckpointIsRefused() throws IOException {
        Path path = dir.resolve("notes.txt");
        Files.writeString(path, "epoch 3: loss 0.12\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(path));
        assertEquals("Checkpoint.load: " + path + " is not a checkpoint: it does not start with \"GD-CKPT\"; pass a"
                + " file written by Checkpoint.save or Trainer.checkpointEvery", e.getMessage());
        Path missing = dir.resolve("missing.ckpt");
        var io = assertThrows(UncheckedIOException.class, () -> Checkpoint.load(missing));
        assertEquals("Checkpoint.load: could not read " + missing + " (NoSuchFileException: " + missing + "); check"
                + " the path", io.getMessage());
    }

    // ---------------------------------------------------------------- another architecture

    @Test
    void anotherArchitectureIsRefusedNamingTheParameterAndNothingChanges() {
        Path path = dir.resolve("run.ckpt");
        new Run().save(path);
        Checkpoint checkpoint = Checkpoint.load(path);

        Rng rng = Rng.seed(11);
        Sequential narrower = Sequential.of(Dense.of(4, 8, rng.split()), BatchNorm.of(8), ReLU.of(),
                Dropout.of(0.3, rng.split()), Dense.of(8, 3, rng.split()));
        List<Matrix> before = Fixtures.weights(narrower);
        Adam opt = Adam.of(narrower.parameters());
        var e = assertThrows(IllegalArgumentException.class, () -> checkpoint.restore(narrower, opt, null, null));
        assertEquals("Checkpoint.restore: " + path + " was saved from another architecture: parameter 0.weight is"
                + " 4×16 there but 4×8 in this model; build the model as it was when the checkpoint was saved",
                e.getMessage());
        assertEquals(before, Fixtures.weights(narrower), "nothing was restored");

        Sequential shorter = Sequential.of(Dense.of(4, 16, rng.split()), BatchNorm.of(16), ReLU.of(),
                Dense.of(16, 3, rng.split()));
        e = assertThrows(IllegalArgumentException.class, () -> checkpoint.restore(shorter, null, null, null));
        assertEquals("Checkpoint.restore: " + path + " was saved from another architecture: parameter 4 is 4.weight"
                + " (16×3) there but 3.weight (16×3) in this model; build the model as it was when the checkpoint was"
                + " saved", e.getMessage());

        Sequential noDropout = Sequential.of(Dense.of(4, 16, rng.split()), BatchNorm.of(16), ReLU.of(),
                ReLU.of(), Dense.of(16, 3, rng.split()));
        e = assertThrows(IllegalArgumentException.class, () -> checkpoint.restore(noDropout, null, null, null));
        assertEquals("Checkpoint.restore: " + path + " was saved from another architecture: its layers draw from 1"
                + " random generator (Dropout), this model's from 0; build the model as it was when the checkpoint"
                + " was saved", e.getMessage());
    }

    @Test
    void anotherOptimizerOrScheduleIsRefusedBeforeAnythingChanges() {
        Path path = dir.resolve("run.ckpt");
        new Run().save(path);
        Checkpoint checkpoint = Checkpoint.load(path);
        Run other = new Run();
        other.epochs(1);
        List<Matrix> before = Fixtures.weights(other.model);
        Sgd sgd = Sgd.of(other.model.parameters());
        var e = assertThrows(IllegalArgumentException.class, () -> checkpoint.restore(other.model, sgd, null, null));
        assertEquals("Checkpoint.restore: " + path + ": Sgd.restore: expected a state from Sgd.state(), got one from"
                + " Adam.state()", e.getMessage());
        ReduceLROnPlateau plateau = ReduceLROnPlateau.of(other.opt);
        e = assertThrows(IllegalArgumentException.class,
                () -> checkpoint.restore(other.model, other.opt, plateau, null));
        assertTrue(e.getMessage().startsWith("Checkpoint.restore: " + path + " holds the state Steps[stepCount=0],"
                + " which does not fit the schedule ReduceLROnPlateau("), e.getMessage());
        assertEquals(before, Fixtures.weights(other.model), "nothing was restored");
    }

    // ---------------------------------------------------------------- atomic writes

    @Test
    void aFailedWriteLeavesNoPartialFileAndTheOldOneIntact() throws IOException {
        Path path = dir.resolve("run.ckpt");
        new Run().save(path);
        byte[] good = Files.readAllBytes(path);
        var e = assertThrows(UncheckedIOException.class, () -> CheckpointFile.writeAtomically("Checkpoint.save", path,
                out -> {
                    out.write(good, 0, good.length / 2);
                    throw new IOException("No space left on device");
                }));
        assertEquals("Checkpoint.save: could not write " + path + " (IOException: No space left on device); no"
                + " partial file was left and a file already there is unchanged: check that the folder exists, is"
                + " writable and has space", e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(path));
        assertEquals(List.of(), leftovers());
        Checkpoint.load(path);
    }

    @Test
    void aRenameThatFailsLeavesNoTemporaryFile() throws IOException {
        Path taken = dir.resolve("taken.ckpt");
        Files.createDirectories(taken.resolve("inside"));
        Run run = new Run();
        assertThrows(UncheckedIOException.class, () -> run.save(taken));
        assertEquals(List.of(), leftovers());
        assertTrue(Files.isDirectory(taken.resolve("inside")));

        Path nowhere = dir.resolve("no such folder").resolve("run.ckpt");
        var e = assertThrows(UncheckedIOException.class, () -> run.save(nowhere));
        assertTrue(e.getMessage().startsWith("Checkpoint.save: could not write " + nowhere + " (NoSuchFileException"),
                e.getMessage());
        assertFalse(Files.exists(nowhere.getParent()));
    }

    @Test
    void whatCannotBeSavedIsSaidBeforeWriting() {
        Path path = dir.resolve("run.ckpt");
        Sequential model = Fixtures.mlp(4, 8, 3, Rng.seed(4));
        gd.schedule.Scheduler mine = () -> Sgd.of(model.parameters());
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(path, model, null, mine, null, null));
        assertTrue(e.getMessage().startsWith("Checkpoint.save: the schedule "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" cannot say where it is; implement ResumableScheduler (as LRScheduler and"
                + " ReduceLROnPlateau do) to save and restore it"), e.getMessage());
        assertFalse(Files.exists(path));
        Checkpoint.save(path, model, () -> { }, null, null, null);   // a lambda optimizer: nothing of it to save
        Checkpoint loaded = Checkpoint.load(path);
        assertNull(loaded.history());
        loaded.restore(model, () -> { }, null, null);
    }

    private List<Path> leftovers() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String crc(byte[] bytes) {
        return String.format("%08x", (int) (bytes.length < 4 ? 0 : crc32(bytes, bytes.length - 4)));
    }

    private static long crc32(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
