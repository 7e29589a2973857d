package gd.train;

import gd.util.Format;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loss and metrics of a model on a dataset, as {@link Trainer#evaluate(gd.nn.Layer, gd.data.Dataset,
 * gd.loss.Loss)} computes them: in evaluation mode, on the outputs of the whole dataset.
 *
 * @param loss the loss of the model's outputs on the whole dataset
 * @param metrics each metric by name, in the order given
 */
public record Evaluation(double loss, Map<String, Double> metrics) {

    /** Keeps an unmodifiable copy of the metrics in their order. */
    public Evaluation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** One metric by name. */
    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Evaluation.metric: no metric named "
                    + (name == null ? "null" : "\"" + name + "\"") + "; evaluated metrics: " + metrics.keySet());
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
