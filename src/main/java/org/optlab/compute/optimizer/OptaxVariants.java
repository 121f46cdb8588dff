package org.optlab.compute.optimizer;

import java.util.List;

/**
 * The optax variants of optimizers whose rule, defaults or accepted options differ between PyTorch
 * and optax, selected by {@code "convention": "optax"}. Each variant keeps the PyTorch kind's name
 * and parameter names; where optax has no counterpart of an option (SGD's dampening, Adagrad's
 * lr_decay) it must be left at 0. Each PyTorch kind's {@code conventions} text says what differs.
 *
 * <p>Follows optax's {@code optax/_src/alias.py} @ 083e0459bfe635f361585fb852a595e576c0c06d and
 * {@code optax/_src/transform.py} @ 006cebd2adddd064757543329c83eaed0890ed82 (google-deepmind/optax).
 * Optimizers without a variant (the lecture's momentum and nesterov forms) run the same rule under
 * either convention.
 */
final class OptaxVariants {

    private OptaxVariants() {}

    /** Registered by {@link Optimizers}. */
    static List<OptimizerKind> kinds() {
        return List.of(Sgd.OPTAX, OptaxAdagrad.KIND, OptaxRmsProp.KIND, OptaxAdam.ADAM, OptaxAdam.ADAMW);
    }
}
