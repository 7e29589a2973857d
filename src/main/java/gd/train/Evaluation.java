package gd.train;

import gd.data.Batches;
import gd.data.Dataset;
import gd.loss.Loss;
import gd.matrix.Matrix;
import gd.nn.Layer;
import gd.nn.TrainingModes;
import gd.util.Format;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss and metrics of a model on a dataset, computed in evaluation mode on the outputs of the whole
 * dataset (which go through the model in batches): {@link #of(Layer, Dataset, Loss, Map)}, or
 * {@link Trainer#evaluate(Dataset)} with a trainer's loss and metrics.
 *
 * @param loss the loss of the model's outputs on the whole dataset
 * @param metrics each metric by name, in the order given
 */
public record Evaluation(double loss, Map<String, Double> metrics) {
    /** Examples per forward pass when evaluating, unless a trainer's {@code evalBatchSize} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    /** Keeps an unmodifiable copy of the metrics in their order. */
    public Evaluation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The loss of {@code model} on {@code data}, in evaluation mode, in batches; the layers' modes are restored. */
    public static Evaluation of(Layer model, Dataset data, Loss loss) {
        return of(model, data, loss, Map.of());
    }

    /**
     * The loss and the {@code metrics} (by name; use a {@link LinkedHashMap} to keep an order) of {@code model}
     * on {@code data}, in evaluation mode, in batches of 1000; the layers' modes are restored.
     */
    public static Evaluation of(Layer model, Dataset data, Loss loss, Map<String, Metric> metrics) {
        if (model == null || data == null || loss == null || metrics == null) {
            throw new IllegalArgumentException("Evaluation.of: model, data, loss and metrics must not be null, got"
                    + " model=" + model + ", data=" + data + ", loss=" + loss + ", metrics=" + metrics);
        }
        Dataset.requireExamples("Evaluation.of: the dataset", data);
        return inEvalMode(model, data, loss, new ArrayList<>(metrics.keySet()), new ArrayList<>(metrics.values()),
                DEFAULT_BATCH_SIZE);
    }

    /** Evaluation mode, {@link #measure}, then the layers' modes restored. */
    static Evaluation inEvalMode(Layer model, Dataset data, Loss loss, List<String> names, List<Metric> metrics,
            int batchSize) {
        return TrainingModes.inEvalMode(model, () -> measure(model, data, loss, names, metrics, batchSize));
    }

    /** The loss and metrics of the model's outputs for the whole dataset, in the model's current mode. */
    static Evaluation measure(Layer model, Dataset data, Loss loss, List<String> names, List<Metric> metrics,
            int batchSize) {
        Matrix outputs = outputs(model, data, batchSize);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int m = 0; m < names.size(); m++) {
            values.put(names.get(m), metrics.get(m).compute(outputs, data.y()));
        }
        return new Evaluation(loss.value(outputs, data.y()), values);
    }

    /** The model's outputs for every example, computed batch by batch and stacked. */
    private static Matrix outputs(Layer model, Dataset data, int batchSize) {
        if (data.size() <= batchSize) {
            return model.forward(data.x());
        }
        Matrix all = null;
        int row = 0;
        for (Dataset batch : Batches.inOrder(data, batchSize).epoch()) {
            Matrix out = model.forward(batch.x());
            if (all == null) {
                all = Matrix.zeros(data.size(), out.cols());
            }
            for (int i = 0; i < out.rows(); i++) {
                System.arraycopy(out.row(i), 0, all.row(row + i), 0, out.cols());
            }
            row += out.rows();
        }
        return all;
    }

    /** One metric by name. */
    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Evaluation.metric: no metric named " + Format.quoted(name)
                    + "; evaluated metrics: " + metrics.keySet());
        }
        return value;
    }

    /** For example {@code Evaluation(loss=0.0812, accuracy=0.9765)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Evaluation(loss=").append(Format.number(loss));
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            s.append(", ").append(m.getKey()).append('=').append(Format.number(m.getValue()));
        }
        return s.append(')').toString();
    }
}
