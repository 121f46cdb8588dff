package org.optlab.compute.optimizer;

import java.util.List;

/**
 * The optax variants of optimizers whose rule or defaults differ between PyTorch and optax,
 * selected by {@code "convention": "optax"}. Each variant keeps the PyTorch kind's name.
 */
final class OptaxVariants {

    private OptaxVariants() {}

    /** Registered by {@link Optimizers}. */
    static List<OptimizerKind> kinds() {
        return List.of();
    }
}
