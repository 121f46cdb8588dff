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
            Adadelta.KIND,
            Adamax.KIND,
            Nadam.KIND,
            Radam.KIND,
            Lion.KIND,
            Switch.KIND,
            Lookahead.KIND
        }) {
            register(KINDS, kind);
        }
        for (OptimizerKind kind : OptaxVariants.kinds()) {
            registerOptax(kind);
        }
        for (OptimizerKind kind : new OptimizerKind[] {OptaxNadam.KIND, OptaxRadam.KIND}) {
            registerOptax(kind);
        }
    }

    private static void register(Map<String, OptimizerKind> kinds, OptimizerKind kind) {
        if (kinds.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalStateException("two optimizers are named " + kind.name());
        }
    }

    /** An optax variant keeps the name of the PyTorch kind it stands in for. */
    private static void registerOptax(OptimizerKind kind) {
        if (!KINDS.containsKey(kind.name())) {
            throw new IllegalStateException("optax variant " + kind.name() + " has no PyTorch kind of that name");
        }
        register(OPTAX, kind);
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
