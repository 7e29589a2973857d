package gd.bench;

import gd.data.Mnist;
import gd.matrix.Kernels;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the library's matrix products (JMH), at the shapes of W1's training step and at one
 * large square size: run by {@code ./gd bench}, which turns the average times into GFLOP/s.
 * <pre>
 * forwardW1      x · W₁        64×784 · 784×256   (x: an MNIST batch, or dense Gaussian numbers)
 * weightGradW1   xᵀ · ∂L/∂z₁   (64×784)ᵀ · 64×256
 * inputGradW1    ∂L/∂z₁ · W₁ᵀ  64×256 · (784×256)ᵀ (the product the first layer skips in training)
 * square512      a · b         512×512 · 512×512
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KernelBench {

    /** Operands whose left factor is an MNIST batch (81 % zeros) or dense. */
    @State(Scope.Benchmark)
    public static class W1Shapes {
        /** "mnist": the first 64 training images; "dense": standard normal numbers. */
        @Param({"mnist", "dense"})
        public String data;
        /** Threads of the kernels. */
        @Param({"1", "2"})
        public int threads;
        Matrix x;
        Matrix w1;
        Matrix dz1;
        Matrix weightGrad;

        /** Builds the operands once per trial. */
        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Kernels.threads(threads);
            Rng rng = Rng.seed(1);
            x = data.equals("mnist") ? Mnist.load().train().x().rows(0, 64)
                    : Matrix.random(64, 784, rng, Rng::normal);
            w1 = Matrix.random(784, 256, rng, r -> r.normal(0, 0.05));
            dz1 = Matrix.random(64, 256, rng, Rng::normal);
            weightGrad = Matrix.zeros(784, 256);
        }
    }

    /** Dense operands. */
    @State(Scope.Benchmark)
    public static class DenseShapes {
        /** Threads of the kernels. */
        @Param({"1", "2"})
        public int threads;
        Matrix dz1;
        Matrix w1;
        Matrix a;
        Matrix b;

        /** Builds the operands once per trial. */
        @Setup(Level.Trial)
        public void setUp() {
            Kernels.threads(threads);
            Rng rng = Rng.seed(2);
            dz1 = Matrix.random(64, 256, rng, Rng::normal);
            w1 = Matrix.random(784, 256, rng, Rng::normal);
            a = Matrix.random(512, 512, rng, Rng::normal);
            b = Matrix.random(512, 512, rng, Rng::normal);
        }
    }

    /** x · W₁. */
    @Benchmark
    public Matrix forwardW1(W1Shapes s) {
        return s.x.times(s.w1);
    }

    /** ∂L/∂W₁ += xᵀ · ∂L/∂z₁, as a Dense layer accumulates it. */
    @Benchmark
    public Matrix weightGradW1(W1Shapes s) {
        return s.weightGrad.zeroInPlace().plusTransposeTimesInPlace(s.x, s.dz1);
    }

    /** ∂L/∂z₁ · W₁ᵀ. */
    @Benchmark
    public Matrix inputGradW1(DenseShapes s) {
        return s.dz1.timesTranspose(s.w1);
    }

    /** A large square product. */
    @Benchmark
    public Matrix square512(DenseShapes s) {
        return s.a.times(s.b);
    }
}
