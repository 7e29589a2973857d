package gd.plot;

import gd.data.Dataset;
import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.Parameter;
import gd.nn.Sequential;
import gd.nn.TrainingModes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tech.tablesaw.plotly.components.Figure;

/**
 * Inside a model: the regions (or the probability of class 1) it predicts over the plane, and histograms of
 * its activations, gradients and weights. Forward passes run in evaluation mode ({@link Evaluation}).
 */
final class ModelFigures {
    private ModelFigures() {
    }

    /** The decision regions of a model on a two-feature dataset, with the data on top. */
    static Figure decisionBoundary(Layer model, Dataset data) {
        if (model == null) {
            throw new IllegalArgumentException("Plots.decisionBoundary: model is null");
        }
        return decisionBoundary(x -> TrainingModes.inEvalMode(model, () -> model.forward(x)), data);
    }

    /** The decision regions of a model given as its scores for a batch of points. */
    static Figure decisionBoundary(Function<Matrix, Matrix> scores, Dataset data) {
        return RegionFigure.of("Plots.decisionBoundary", scores, data, false);
    }

    /** The probability of class 1 that a two-class model gives over the plane, with the data on top. */
    static Figure probability(Layer model, Dataset data) {
        if (model == null) {
            throw new IllegalArgumentException("Plots.probability: model is null");
        }
        return probability(x -> TrainingModes.inEvalMode(model, () -> model.forward(x)), data);
    }

    /** The probability of class 1 of a two-class model given as its scores for a batch of points. */
    static Figure probability(Function<Matrix, Matrix> scores, Dataset data) {
        return RegionFigure.of("Plots.probability", scores, data, true);
    }

    /** Histograms of each layer's output for the input {@code x}, overlaid. */
    static Figure activations(Sequential model, Matrix x) {
        if (model == null || x == null) {
            throw new IllegalArgumentException("Plots.activations: model and x must not be null");
        }
        List<Matrix> outputs = TrainingModes.inEvalMode(model, () -> model.forwardAll(x));
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int k = 0; k < outputs.size(); k++) {
            values.put(k + ": " + model.layer(k), outputs.get(k).flatten());
        }
        return HistogramFigure.of("Activations per layer (" + x.rows() + " examples)", values);
    }

    /** Histograms of the current gradient of each parameter, overlaid. */
    static Figure gradients(Layer model) {
        return parameters("Plots.gradients", "Gradients per parameter", model, Parameter::grad);
    }

    /** Histograms of the current values of each parameter, overlaid. */
    static Figure weights(Layer model) {
        return parameters("Plots.weights", "Weights per parameter", model, Parameter::value);
    }

    private static Figure parameters(String op, String title, Layer model, Function<Parameter, Matrix> part) {
        if (model == null) {
            throw new IllegalArgumentException(op + ": model is null");
        }
        List<Parameter> parameters = model.parameters();
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(op + ": " + model + " has no parameters");
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            values.put(p.name() + " " + p.value().shape(), part.apply(p).flatten());
        }
        return HistogramFigure.of(title, values);
    }
}
