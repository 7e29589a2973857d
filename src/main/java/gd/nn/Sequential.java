package gd.nn;

import gd.matrix.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Layers applied one after the other, torch's {@code nn.Sequential}: the model of a multilayer perceptron.
 * <pre>
 * forward:   h₀ = x,  hₖ₊₁ = layerₖ(hₖ),  y = h_last
 * backward:  the chain rule, last layer first: gₖ = layerₖ.backward(gₖ₊₁), ∂L/∂x = g₀
 * </pre>
 * {@link #backwardParametersOnly} stops as soon as no earlier layer has parameters: the first
 * {@code Dense} of an MLP then computes its weight gradient but not the gradient of the input data.
 * <pre>{@code
 * var rng = Rng.seed(42);
 * var model = Sequential.of(
 *         Dense.of(784, 256, rng.split()), ReLU.of(),
 *         Dense.of(256, 10, rng.split()));
 * System.out.println(model);            // one line per layer and the parameter count
 * model.parameters();                   // 0.weight, 0.bias, 2.weight, 2.bias (torch's named_parameters)
 * }</pre>
 */
public final class Sequential implements Layer {
    private final List<Layer> layers;
    private final List<Parameter> parameters;
    /** Index of the first layer with parameters, or layers.size() if none has any. */
    private final int firstWithParameters;
    private boolean training = true;

    private Sequential(List<Layer> layers) {
        this.layers = layers;
        List<Parameter> named = new ArrayList<>();
        int first = layers.size();
        for (int i = 0; i < layers.size(); i++) {
            List<Parameter> own = layers.get(i).parameters();
            if (!own.isEmpty() && first == layers.size()) {
                first = i;
            }
            for (Parameter p : own) {
                named.add(p.named(i + "."));
            }
        }
        this.parameters = Collections.unmodifiableList(named);
        this.firstWithParameters = first;
    }

    /** The layers, applied in the given order. */
    public static Sequential of(Layer... layers) {
        if (layers == null || layers.length == 0) {
            throw new IllegalArgumentException("Sequential.of: needs at least one layer");
        }
        Map<Layer, String> seen = new IdentityHashMap<>();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] == null) {
                throw new IllegalArgumentException("Sequential.of: layer " + i + " is null");
            }
            requireOnce(layers[i], String.valueOf(i), seen);
        }
        return new Sequential(List.of(layers));
    }

    /**
     * Refuses a layer object that stands twice in the model (directly or inside another layer): a layer
     * remembers the input of its last forward pass for backward, so a second use would overwrite what the
     * first one needs, and the gradients would be wrong.
     */
    private static void requireOnce(Layer layer, String path, Map<Layer, String> seen) {
        String first = seen.putIfAbsent(layer, path);
        if (first != null) {
            throw new IllegalArgumentException("Sequential.of: layer " + path + " is the same object as layer " + first
                    + " (" + describe(layer).lines().findFirst().orElse("") + "): a layer remembers the input of its"
                    + " last forward pass for backward, so one object cannot stand twice in a model; create a second"
                    + " one (to share weights, write a layer that uses both inputs)");
        }
        List<Layer> children = layer.children();
        for (int c = 0; c < children.size(); c++) {
            requireOnce(children.get(c), path + "." + c, seen);
        }
    }

    /** Layer i (counting from 0). */
    public Layer layer(int i) {
        if (i < 0 || i >= layers.size()) {
            throw new IndexOutOfBoundsException("Sequential.layer: index " + i + " is outside 0…"
                    + (layers.size() - 1));
        }
        return layers.get(i);
    }

    /** Number of layers. */
    public int size() {
        return layers.size();
    }

    /** The output of the last layer. */
    @Override
    public Matrix forward(Matrix x) {
        Matrix h = x;
        for (Layer layer : layers) {
            h = layer.forward(h);
        }
        return h;
    }

    /**
     * Like {@link #forward}, keeping every layer's output: element k is the output of layer k, the last
     * element is the model's output. For looking inside a network (activation statistics, dead ReLUs).
     */
    public List<Matrix> forwardAll(Matrix x) {
        List<Matrix> outputs = new ArrayList<>(layers.size());
        Matrix h = x;
        for (Layer layer : layers) {
            h = layer.forward(h);
            outputs.add(h);
        }
        return outputs;
    }

    /** The chain rule, last layer first; returns ∂L/∂x. */
    @Override
    public Matrix backward(Matrix gradOutput) {
        Matrix g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
        return g;
    }

    /**
     * Like {@link #backward}, keeping every gradient: element k is ∂L/∂(input of layer k), so element 0 is
     * ∂L/∂x. For looking inside a network (vanishing or exploding gradients per layer).
     */
    public List<Matrix> backwardAll(Matrix gradOutput) {
        Matrix[] grads = new Matrix[layers.size()];
        Matrix g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
            grads[i] = g;
        }
        return List.of(grads);
    }

    /**
     * Accumulates every parameter gradient without computing ∂L/∂x: walks backward to the first layer that
     * has parameters and calls its {@code backwardParametersOnly}; earlier layers are not visited.
     */
    @Override
    public void backwardParametersOnly(Matrix gradOutput) {
        Matrix g = gradOutput;
        for (int i = layers.size() - 1; i > firstWithParameters; i--) {
            g = layers.get(i).backward(g);
        }
        if (firstWithParameters < layers.size()) {
            layers.get(firstWithParameters).backwardParametersOnly(g);
        }
    }

    /** Every layer's parameters, named "k.name" for layer k (e.g. "0.weight"); always the same list. */
    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Switches every layer. */
    @Override
    public void train(boolean training) {
        this.training = training;
        for (Layer layer : layers) {
            layer.train(training);
        }
    }

    /** The mode last set on this container (a new one is in training mode). */
    @Override
    public boolean training() {
        return training;
    }

    /** The layers, in order. */
    @Override
    public List<Layer> children() {
        return layers;
    }

    /** Every layer's buffers, in order. */
    @Override
    public List<Matrix> buffers() {
        List<Matrix> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.buffers());
        }
        return all;
    }

    /** Number of trainable scalars. */
    public int parameterCount() {
        int count = 0;
        for (Parameter p : parameters) {
            count += p.size();
        }
        return count;
    }

    /**
     * One line per layer, as torch prints a module, then the parameter count:
     * <pre>
     * Sequential(
     *   (0): Dense(784→256)
     *   (1): ReLU()
     *   (2): Dense(256→10)
     * )  203,530 parameters
     * </pre>
     */
    @Override
    public String toString() {
        return describe() + String.format(Locale.ROOT, "  %,d parameters", parameterCount());
    }

    /** The layer list without the parameter count, for nesting inside another container's print. */
    String describe() {
        StringBuilder s = new StringBuilder("Sequential(\n");
        for (int i = 0; i < layers.size(); i++) {
            s.append("  (").append(i).append("): ").append(describe(layers.get(i)).replace("\n", "\n  ")).append('\n');
        }
        return s.append(")").toString();
    }

    /** A layer as a container prints it: a nested Sequential without its own parameter count. */
    static String describe(Layer layer) {
        return layer instanceof Sequential sequential ? sequential.describe() : layer.toString();
    }
}
