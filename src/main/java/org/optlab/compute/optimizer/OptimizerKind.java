package org.optlab.compute.optimizer;

import java.util.function.Function;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterValues;

/** A named optimizer: its catalog entry and how to build one from bound hyperparameters. */
public record OptimizerKind(CatalogEntry entry, Function<ParameterValues, Optimizer<?>> factory) {

    public String name() {
        return entry.name();
    }

    public Optimizer<?> create(ParameterValues values) {
        return factory.apply(values);
    }
}
