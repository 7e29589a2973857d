package gd.train;

import gd.data.Dataset;
import gd.loss.Loss;
import gd.nn.Layer;
import gd.util.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * What a trainer measures besides the training loss: its metrics by name, the validation set, and how it
 * evaluates a model on a dataset (its loss and these metrics, in evaluation mode, in batches).
 */
final class MetricSet {
    private final List<String> names = new ArrayList<>();
    private final List<Metric> functions = new ArrayList<>();
    private int batchSize = Evaluation.DEFAULT_BATCH_SIZE;
    private Dataset validation;

    /** Adds a metric; names are unique and "loss" is taken. */
    void add(String name, Metric metric) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Trainer.metric: the name must not be empty, got " + Format.quoted(name));
        }
        if (metric == null) {
            throw new IllegalArgumentException("Trainer.metric: the metric \"" + name + "\" is null");
        }
        if (names.contains(name) || name.equals("loss")) {
            throw new IllegalArgumentException("Trainer.metric: the name \"" + name + "\" is taken; metrics so far: "
                    + names + " (and \"loss\")");
        }
        names.add(name);
        functions.add(metric);
    }

    /** The examples per forward pass when evaluating. */
    void batchSize(int size) {
        this.batchSize = size;
    }

    /** The validation set (checked non-empty by the caller). */
    void validation(Dataset data) {
        this.validation = data;
    }

    Dataset validation() {
        return validation;
    }

    boolean hasValidation() {
        return validation != null;
    }

    List<String> names() {
        return List.copyOf(names);
    }

    List<Metric> functions() {
        return List.copyOf(functions);
    }

    /** Refuses a validation set whose columns differ from the training set's. */
    void checkAgainst(Dataset train) {
        if (validation != null && validation.featureCount() != train.featureCount()) {
            throw new IllegalArgumentException("Trainer.fit: the validation set has " + validation.featureCount()
                    + " features but the training set has " + train.featureCount() + "; expected the same");
        }
        if (validation != null && validation.targetCount() != train.targetCount()) {
            throw new IllegalArgumentException("Trainer.fit: the validation targets have " + validation.targetCount()
                    + " columns but the training targets have " + train.targetCount() + "; expected the same");
        }
    }

    /** The loss and metrics of {@code model} on the validation set, in evaluation mode; null without one. */
    Evaluation validate(Layer model, Loss loss) {
        return validation == null ? null : evaluate(model, validation, loss);
    }

    /** The loss and metrics of {@code model} on {@code data} in evaluation mode; the layers' modes are restored. */
    Evaluation evaluate(Layer model, Dataset data, Loss loss) {
        return Evaluation.inEvalMode(model, data, loss, names, functions, batchSize);
    }

    /** For example {@code validation=Dataset(...), metrics=[accuracy]}, or empty. */
    @Override
    public String toString() {
        String v = validation == null ? "" : "validation=" + validation;
        String m = names.isEmpty() ? "" : "metrics=" + names;
        return v.isEmpty() || m.isEmpty() ? v + m : v + ", " + m;
    }
}
