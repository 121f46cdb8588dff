package org.optlab.compute.optimizer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every optimizer optlab knows, by name, in catalog order; and the optax variants of those whose
 * rule or defaults differ in optax (the {@code "convention": "optax"} of a spec).
 */
public final class Optimizers {

    private static final Map<String, OptimizerKind> KINDS = new LinkedHashMap<>();
    private static final Map<String, OptimizerKind> OPTAX = new LinkedHashMap<>();

    static {
        for (OptimizerKind kind : new OptimizerKind[] {
            Sgd.KIND,
            Momentum.KIND,
            Nesterov.KIND,
            Adagrad.KIND,
            RmsProp.KIND,
            Adam.ADAM,
            Adam.ADAMW,
            Switch.KIND,
            Lookahead.KIND
        }) {
            KINDS.put(kind.name(), kind);
        }
        for (OptimizerKind kind : OptaxVariants.kinds()) {
            OPTAX.put(kind.name(), kind);
        }
    }

    private Optimizers() {}

    public static Optional<OptimizerKind> find(String name) {
        return Optional.ofNullable(KINDS.get(name));
    }

    /**
     * The kind for a name under a convention: the optax variant where one is registered, else the
     * PyTorch kind (the two libraries agree on it).
     */
    public static Optional<OptimizerKind> find(String name, String convention) {
        if (OptimizerBinder.OPTAX.equals(convention) && OPTAX.containsKey(name)) {
            return Optional.of(OPTAX.get(name));
        }
        return find(name);
    }

    /** The optax variant of {@code name}, if its rule or defaults differ from PyTorch's. */
    public static Optional<OptimizerKind> optaxVariant(String name) {
        return Optional.ofNullable(OPTAX.get(name));
    }

    public static Collection<OptimizerKind> all() {
        return KINDS.values();
    }
}
