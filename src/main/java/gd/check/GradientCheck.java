package gd.check;

import gd.check.CheckResult.Coordinate;
import gd.check.CheckResult.TensorResult;
import gd.loss.Loss;
import gd.matrix.Matrix;
import gd.matrix.Rng;
import gd.nn.Dropout;
import gd.nn.Layer;
import gd.nn.Parameter;
import gd.nn.Sequential;
import gd.util.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Compares hand-derived gradients with central differences, in double precision:
 * <pre>
 * ∂f/∂θᵢ ≈ (f(θ + h·eᵢ) − f(θ − h·eᵢ)) / 2h        error O(h²); default h = 1e-5
 * </pre>
 * one coordinate θᵢ at a time. Three things can be checked:
 * <ul>
 *   <li>{@link #model}: a model and a loss on a batch. Every element of every parameter and of the input
 *       is perturbed (or, after {@link #sample}, a seeded random sample of each), and the numeric
 *       derivatives of loss.value(model.forward(x), y) are compared with what {@code backward} put into
 *       the parameter gradients and returned for the input.</li>
 *   <li>{@link #loss}: a loss's {@code gradient} against its {@code value}.</li>
 *   <li>{@link #function}: a function of a double[] and its gradient, given as two lambdas.</li>
 * </ul>
 * <pre>{@code
 * GradientCheck.of().model(model, loss, x, y).assertPasses();
 * GradientCheck.of().sample(50, rng).model(bigModel, loss, x, y);        // 50 coordinates per tensor
 * GradientCheck.of().function(w -> mse(w), w -> mseGradient(w), w0);     // my hand-derived gradient
 * }</pre>
 * The {@link CheckResult} gives the largest relative error, the worst coordinate and a verdict.
 *
 * <p>What a model check does to the model: it leaves parameter values, gradients and buffers (running
 * statistics) as it found them, and ends with a forward pass on the unperturbed batch. A {@link Dropout}
 * in training mode draws a new mask each forward pass, which would make the numeric derivatives noise: the
 * check holds each such layer's mask fixed ({@link Dropout#fixMask}) for its duration and says so in the
 * warnings (or put the model in {@code eval()} mode to check it without dropout). Inputs of a ReLU or
 * LeakyReLU lying within h of the kink at 0 are reported by layer: a difference quotient across a kink is
 * meaningless, so the check should then be repeated on another batch.
 */
public final class GradientCheck {
    /** The default step h = 1e-5. */
    public static final double DEFAULT_H = 1e-5;

    private double h = DEFAULT_H;
    private int sample;
    private Rng rng;

    private GradientCheck() {
    }

    /** A check with h = 1e-5 that checks every coordinate. */
    public static GradientCheck of() {
        return new GradientCheck();
    }

    /** Sets the step h &gt; 0; returns this check. */
    public GradientCheck h(double h) {
        if (!(h > 0 && h < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("GradientCheck.h must be positive and finite, got " + h);
        }
        this.h = h;
        return this;
    }

    /** The step h. */
    public double h() {
        return h;
    }

    /**
     * Checks at most {@code perTensor} coordinates of each tensor, chosen at random by {@code rng} (tensors
     * with no more elements are checked whole); returns this check.
     */
    public GradientCheck sample(int perTensor, Rng rng) {
        if (perTensor < 1) {
            throw new IllegalArgumentException("GradientCheck.sample: perTensor must be at least 1, got " + perTensor);
        }
        if (rng == null) {
            throw new IllegalArgumentException("GradientCheck.sample: rng is null, pass a seeded Rng");
        }
        this.sample = perTensor;
        this.rng = rng;
        return this;
    }

    /** Checks every coordinate (the default); returns this check. */
    public GradientCheck all() {
        this.sample = 0;
        this.rng = null;
        return this;
    }

    // ---------------------------------------------------------------- model

    /**
     * Checks the parameter gradients and the input gradient of {@code model} for
     * L = loss.value(model.forward(input), target).
     */
    public CheckResult model(Layer model, Loss loss, Matrix input, Matrix target) {
        if (model == null || loss == null || input == null || target == null) {
            throw new IllegalArgumentException("GradientCheck.model: model, loss, input and target must not be null");
        }
        if (input.size() == 0) {
            throw new IllegalArgumentException("GradientCheck.model: input is " + input.shape()
                    + ", expected at least one element");
        }
        List<Parameter> parameters = model.parameters();
        List<Matrix> savedGrads = new ArrayList<>();
        for (Parameter p : parameters) {
            savedGrads.add(p.grad().copy());
        }
        List<Matrix> buffers = model.buffers();
        List<Matrix> savedBuffers = new ArrayList<>();
        for (Matrix b : buffers) {
            savedBuffers.add(b.copy());
        }
        List<String> warnings = new ArrayList<>();
        List<Layer> fixed = fixRandomness(model, warnings);
        Matrix x = input.copy();
        try {
            for (Parameter p : parameters) {
                p.zeroGrad();
            }
            Matrix out = model.forward(x);
            Matrix dx = model.backward(loss.gradient(out, target));
            if (dx == null || !dx.sameShape(x)) {
                throw new IllegalArgumentException("GradientCheck.model: backward returned "
                        + (dx == null ? "null" : dx.shape()) + ", expected " + x.shape() + " like the input");
            }
            warnKinks(model, warnings);
            DoubleSupplier lossAtX = () -> loss.value(model.forward(x), target);
            List<TensorResult> tensors = new ArrayList<>();
            for (Parameter p : parameters) {
                tensors.add(checkTensor(p.name(), p.value(), p.grad().copy(), false, lossAtX));
            }
            tensors.add(checkTensor("input", x, dx, false, lossAtX));
            model.forward(x);
            return new CheckResult(h, tensors, warnings);
        } finally {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).grad().copyFrom(savedGrads.get(i));
            }
            for (int i = 0; i < buffers.size(); i++) {
                buffers.get(i).copyFrom(savedBuffers.get(i));
            }
            for (Layer layer : fixed) {
                layer.fixRandomness(false);
            }
        }
    }

    /** Holds the random numbers of every layer that would draw new ones (Dropout in training mode) fixed; returns them to release later. */
    private static List<Layer> fixRandomness(Layer model, List<String> warnings) {
        List<Layer> fixed = new ArrayList<>();
        for (Located l : walk(model)) {
            if (l.layer().random()) {
                l.layer().fixRandomness(true);
                fixed.add(l.layer());
                warnings.add("note: " + l.describe() + " is in training mode: its mask was held fixed during the "
                        + "check (call eval() to check without dropout)");
            }
        }
        return fixed;
    }

    /** Reports every layer whose last inputs lie within h of a kink. */
    private void warnKinks(Layer model, List<String> warnings) {
        for (Located l : walk(model)) {
            int near = l.layer().inputsNearKink(h);
            if (near > 0) {
                warnings.add("warning: " + l.describe() + ": " + near + (near == 1 ? " input lies" : " inputs lie")
                        + " within h=" + Format.repr(h) + " of a kink; numeric derivatives through "
                        + (near == 1 ? "it are" : "them are") + " meaningless (try another batch)");
            }
        }
    }

    /** A layer and its position, named like parameters ("2" for layer 2 of a Sequential, "2.0" inside it). */
    private record Located(String path, Layer layer) {
        String describe() {
            return path.isEmpty() ? "the model " + firstLine() : "layer " + path + " " + firstLine();
        }

        private String firstLine() {
            String s = layer.toString();
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl) + "…";
        }
    }

    private static List<Located> walk(Layer model) {
        List<Located> all = new ArrayList<>();
        walk(model, "", all);
        return all;
    }

    private static void walk(Layer layer, String path, List<Located> all) {
        all.add(new Located(path, layer));
        List<Layer> children = layer.children();
        for (int i = 0; i < children.size(); i++) {
            String child = layer instanceof Sequential ? (path.isEmpty() ? "" : path + ".") + i : path;
            walk(children.get(i), child, all);
        }
    }

    // ---------------------------------------------------------------- loss and function

    /** Checks {@code loss.gradient(prediction, target)} against {@code loss.value} (tensor "prediction"). */
    public CheckResult loss(Loss loss, Matrix prediction, Matrix target) {
        if (loss == null || prediction == null || target == null) {
            throw new IllegalArgumentException("GradientCheck.loss: loss, prediction and target must not be null");
        }
        Matrix p = prediction.copy();
        Matrix analytic = loss.gradient(p, target);
        if (!analytic.sameShape(p)) {
            throw new IllegalArgumentException("GradientCheck.loss: " + loss + ".gradient returned " + analytic.shape()
                    + ", expected " + p.shape() + " like the prediction");
        }
        TensorResult t = checkTensor("prediction", p, analytic, false, () -> loss.value(p, target));
        return new CheckResult(h, List.of(t), List.of());
    }

    /**
     * Checks a hand-derived gradient of a function of a vector at the point {@code at} (tensor "x"). Both
     * lambdas receive a copy of the point, so they may change it.
     * <pre>{@code
     * ToDoubleFunction<double[]> f = w -> (w[0] - 3) * (w[0] - 3) + 10 * w[1] * w[1];
     * Function<double[], double[]> grad = w -> new double[] {2 * (w[0] - 3), 20 * w[1]};
     * GradientCheck.of().function(f, grad, new double[] {1, 2}).assertPasses();
     * }</pre>
     */
    public CheckResult function(ToDoubleFunction<double[]> value, Function<double[], double[]> gradient,
                                double[] at) {
        if (value == null || gradient == null || at == null) {
            throw new IllegalArgumentException("GradientCheck.function: value, gradient and point must not be null");
        }
        if (at.length == 0) {
            throw new IllegalArgumentException("GradientCheck.function: the point has no coordinates");
        }
        double[] g = gradient.apply(at.clone());
        if (g == null || g.length != at.length) {
            throw new IllegalArgumentException("GradientCheck.function: the gradient has "
                    + (g == null ? "no" : Integer.toString(g.length)) + " values, expected " + at.length
                    + " (one per coordinate of the point)");
        }
        Matrix point = Matrix.rowVector(at);
        TensorResult t = checkTensor("x", point, Matrix.rowVector(g), true,
                () -> value.applyAsDouble(point.row(0).clone()));
        return new CheckResult(h, List.of(t), List.of());
    }

    // ---------------------------------------------------------------- the differences

    /**
     * Perturbs the chosen elements of {@code values} one at a time by ±h (restoring each exactly), evaluates
     * {@code f} at both points and compares (f₊ − f₋) / (θ₊ − θ₋) with {@code analytic}.
     */
    private TensorResult checkTensor(String name, Matrix values, Matrix analytic, boolean vector, DoubleSupplier f) {
        int cols = values.cols();
        int[] chosen = coordinates(values.size());
        Coordinate worst = null;
        for (int index : chosen) {
            int i = index / cols;
            int j = index % cols;
            double[] row = values.row(i);
            double original = row[j];
            double up = original + h;
            double down = original - h;
            row[j] = up;
            double fUp = f.getAsDouble();
            row[j] = down;
            double fDown = f.getAsDouble();
            row[j] = original;
            double numeric = (fUp - fDown) / (up - down);
            Coordinate c = new Coordinate(name, vector ? -1 : i, j, analytic.get(i, j), numeric);
            if (worst == null || c.relativeError() > worst.relativeError()) {
                worst = c;
            }
        }
        return new TensorResult(name, chosen.length, values.size(), worst);
    }

    /** All indices 0 … size−1, or a sorted random sample of them. */
    private int[] coordinates(int size) {
        if (sample == 0 || size <= sample) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] pick = Arrays.copyOf(rng.permutation(size), sample);
        Arrays.sort(pick);
        return pick;
    }


    /** For example {@code GradientCheck(h=1e-05, coordinates=all)}. */
    @Override
    public String toString() {
        return "GradientCheck(h=" + Format.repr(h) + ", coordinates="
                + (sample == 0 ? "all" : "at most " + sample + " per tensor, sampled") + ")";
    }
}
