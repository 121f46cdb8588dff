package org.optlab.compute.objective;

import java.util.function.Function;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterValues;

/** A named family of objectives: its catalog entry and how to build one from bound parameters. */
public record ObjectiveKind(CatalogEntry entry, Function<ParameterValues, Objective> factory) {

    public String name() {
        return entry.name();
    }

    public Objective create(ParameterValues values) {
        return factory.apply(values);
    }

    /** The objective built from the catalog's defaults alone, as the catalog shows it. */
    public Objective withDefaults() {
        return create(ParameterValues.bind(java.util.Map.of(), entry.parameters(), java.util.Set.of()));
    }

    /**
     * Whether the request may choose the dimension (directly, through a formula's variables, or
     * through the data a model is fitted to).
     */
    public boolean variableDimension() {
        return entry.parameters().stream()
                .anyMatch(p -> p.name().equals("dimension")
                        || p.name().equals("variables")
                        || p.name().equals("dataset"));
    }
}
