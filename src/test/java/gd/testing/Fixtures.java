package gd.testing;

import gd.data.Dataset;
import gd.data.Synthetic;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Dense;
import gd.nn.Layer;
import gd.nn.Parameter;
import gd.nn.ReLU;
import gd.nn.Sequential;
import java.util.ArrayList;
import java.util.List;

/** Small problems, models and spy layers shared by the training tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** y = 2·x₁ − x₂ + 0.5·x₃ + 0.3 + noise, standard normal features. */
    public static Dataset regression(int n, double noise, Rng rng) {
        return Synthetic.linear(n, new double[] {2, -1, 0.5}, 0.3, noise, rng).data();
    }

    /**
     * Classification of {@code features}-dimensional standard normal points into {@code classes} classes by a
     * random linear teacher (the argmax of x·T plus a little noise).
     */
    public static Dataset classification(int n, int features, int classes, Rng rng) {
        Matrix x = Matrix.random(n, features, rng, r -> r.normal());
        Matrix teacher = Matrix.random(features, classes, rng, r -> r.normal());
        Matrix scores = x.times(teacher).plus(Matrix.random(n, classes, rng, r -> 0.5 * r.normal()));
        Matrix y = Matrix.zeros(n, 1);
        int[] labels = scores.argmaxRows();
        for (int i = 0; i < n; i++) {
            y.set(i, 0, labels[i]);
        }
        return Dataset.of(x, y);
    }

    /** in → hidden → ReLU → out. */
    public static Sequential mlp(int in, int hidden, int out, Rng rng) {
        return Sequential.of(Dense.of(in, hidden, rng.split()), ReLU.of(), Dense.of(hidden, out, rng.split()));
    }

    /** n examples whose first feature is the example's index (then two standard normal features), target 0. */
    public static Dataset numbered(int n, Rng rng) {
        Matrix x = Matrix.random(n, 3, rng, r -> r.normal());
        for (int i = 0; i < n; i++) {
            x.set(i, 0, i);
        }
        return Dataset.of(x, Matrix.zeros(n, 1));
    }

    /** Copies of every parameter value, in order. */
    public static List<Matrix> weights(Layer model) {
        List<Matrix> copies = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            copies.add(p.value().copy());
        }
        return copies;
    }

    /** A layer that passes everything to {@code inner} and records each forward input's first column and mode. */
    public static class Spy implements Layer {
        public final Layer inner;
        public final List<double[]> firstColumns = new ArrayList<>();
        public final List<Boolean> trainingAtForward = new ArrayList<>();
        private boolean training = true;

        public Spy(Layer inner) {
            this.inner = inner;
        }

        /** The first columns of all training-mode forward inputs, one after the other. */
        public double[] seenInTraining() {
            List<Double> all = new ArrayList<>();
            for (int i = 0; i < firstColumns.size(); i++) {
                if (trainingAtForward.get(i)) {
                    for (double v : firstColumns.get(i)) {
                        all.add(v);
                    }
                }
            }
            double[] out = new double[all.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = all.get(i);
            }
            return out;
        }

        @Override
        public Matrix forward(Matrix input) {
            firstColumns.add(input.column(0));
            trainingAtForward.add(training);
            return inner.forward(input);
        }

        @Override
        public Matrix backward(Matrix gradOutput) {
            return inner.backward(gradOutput);
        }

        @Override
        public void backwardParametersOnly(Matrix gradOutput) {
            inner.backwardParametersOnly(gradOutput);
        }

        @Override
        public List<Parameter> parameters() {
            return inner.parameters();
        }

        @Override
        public void train(boolean on) {
            training = on;
            inner.train(on);
        }

        @Override
        public boolean training() {
            return training;
        }

        @Override
        public List<Layer> children() {
            return List.of(inner);
        }

        @Override
        public List<Matrix> buffers() {
            return inner.buffers();
        }
    }

    /** Passes values forward unchanged; its backward pass returns ∞·gradient on call number {@code at} (from 0). */
    public static final class Explode implements Layer {
        private final int at;
        private int calls;

        public Explode(int at) {
            this.at = at;
        }

        @Override
        public Matrix forward(Matrix input) {
            return input;
        }

        @Override
        public Matrix backward(Matrix gradOutput) {
            return calls++ == at ? gradOutput.map(g -> g * Double.POSITIVE_INFINITY) : gradOutput;
        }
    }
}
