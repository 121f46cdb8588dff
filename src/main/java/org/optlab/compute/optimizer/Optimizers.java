package org.optlab.compute.optimizer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every optimizer optlab knows, by name, in catalog order. */
public final class Optimizers {

    private static final Map<String, OptimizerKind> KINDS = new LinkedHashMap<>();

    static {
        for (OptimizerKind kind : new OptimizerKind[] {
            Sgd.KIND, Momentum.KIND, Nesterov.KIND, Adagrad.KIND, RmsProp.KIND, Adam.ADAM, Adam.ADAMW
        }) {
            KINDS.put(kind.name(), kind);
        }
    }

    private Optimizers() {}

    public static Optional<OptimizerKind> find(String name) {
        return Optional.ofNullable(KINDS.get(name));
    }

    public static Collection<OptimizerKind> all() {
        return KINDS.values();
    }
}
