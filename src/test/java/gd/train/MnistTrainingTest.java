package gd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gd.data.Metrics;
import gd.data.Mnist;
import gd.loss.SoftmaxCrossEntropy;
import gd.matrix.Rng;
import gd.nn.Dense;
import gd.nn.ReLU;
import gd.nn.Sequential;
import gd.optim.AdamW;
import gd.schedule.CosineAnnealingLR;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The course's MNIST example through the training loop: 784-256-10 with ReLU, AdamW, a cosine schedule over
 * one epoch of 938 batches of 64, then the test accuracy.
 *
 * <p>The learning rate is 3e-3. With 1e-3 this setup reaches about 94.3 % (seed 42: 0.9427; an independent
 * implementation of the same network and AdamW gives 94.2–94.4 % over seeds, constant 1e-3 about 95.5 %):
 * annealing a small rate to zero within the first epoch leaves the network short of 96 %. With 3e-3 it reaches
 * 96.5–96.7 %.
 */
class MnistTrainingTest {

    @Test
    void oneEpochOfTheMlpReaches96PercentTestAccuracy() {
        var rng = Rng.seed(42);
        var mnist = Mnist.load();
        var model = Sequential.of(Dense.of(784, 256, rng.split()), ReLU.of(), Dense.of(256, 10, rng.split()));
        var opt = AdamW.of(model.parameters()).lr(3e-3);
        var sched = CosineAnnealingLR.of(opt).tMax(938);
        var history = Trainer.of(model, SoftmaxCrossEntropy.of(), opt).batchSize(64).shuffle(rng.split())
                .schedule(sched).epochs(1).fit(mnist.train());
        double accuracy = Metrics.accuracy(model.forward(mnist.test().x()), mnist.test().y());

        System.out.printf(Locale.ROOT, "MNIST 784-256-10, AdamW 3e-3, cosine, batch 64: one epoch in %.2f s,"
                + " test accuracy %.4f%n", history.epochSeconds()[0], accuracy);
        assertTrue(accuracy >= 0.96, "test accuracy " + accuracy);
        assertEquals(938, history.steps());
        assertEquals("reached the maximum of 1 epoch", history.stopReason());
        assertFalse(history.diverged());
        assertEquals(sched.lrAt(937), history.lr()[937], 0);
        assertEquals(94, history.statsSteps().length, "statistics every 10 steps");
    }
}
