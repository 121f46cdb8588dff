package org.optlab.compute.optimizer;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterValues;

/**
 * A named optimizer: its catalog entry and how to build one from bound hyperparameters and, for
 * composite optimizers, the optimizers nested under {@link #nestedOptimizers()} keys.
 */
public record OptimizerKind(CatalogEntry entry, List<String> nestedOptimizers, Factory factory) {

    /** Builds an optimizer from its hyperparameters and its nested optimizers (empty for most). */
    @FunctionalInterface
    public interface Factory {
        Optimizer<?> create(ParameterValues values, Map<String, Optimizer<?>> nested);
    }

    public OptimizerKind {
        nestedOptimizers = List.copyOf(nestedOptimizers);
    }

    /** A plain optimizer, built from its hyperparameters alone. */
    public OptimizerKind(CatalogEntry entry, Function<ParameterValues, Optimizer<?>> factory) {
        this(entry, List.of(), (values, nested) -> factory.apply(values));
    }

    public String name() {
        return entry.name();
    }

    public Optimizer<?> create(ParameterValues values, Map<String, Optimizer<?>> nested) {
        return factory.create(values, nested);
    }

    public Optimizer<?> create(ParameterValues values) {
        return create(values, Map.of());
    }
}
