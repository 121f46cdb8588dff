package org.optlab.compute.objective;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every objective optlab knows, by name, in catalog order. */
public final class Objectives {

    private static final Map<String, ObjectiveKind> KINDS = new LinkedHashMap<>();

    static {
        register(Rosenbrock.KIND);
        register(Quadratic.KIND);
        register(Sphere.KIND);
        register(Rastrigin.KIND);
        register(TwoDimensional.BEALE.kind());
        register(TwoDimensional.BOOTH.kind());
        register(TwoDimensional.HIMMELBLAU.kind());
        register(Ackley.KIND);
        register(StyblinskiTang.KIND);
        register(TwoDimensional.MATYAS.kind());
        register(TwoDimensional.THREE_HUMP_CAMEL.kind());
        register(TwoDimensional.SIX_HUMP_CAMEL.kind());
        register(TwoDimensional.GOLDSTEIN_PRICE.kind());
        register(TwoDimensional.MCCORMICK.kind());
        register(Levy.KIND);
        register(TwoDimensional.EASOM.kind());
        register(TwoDimensional.SADDLE.kind());
        register(TwoDimensional.MONKEY_SADDLE.kind());
        register(org.optlab.compute.objective.expression.ExpressionKind.KIND);
        org.optlab.compute.data.DataObjectives.ALL.forEach(Objectives::register);
    }

    private Objectives() {}

    private static void register(ObjectiveKind kind) {
        if (KINDS.putIfAbsent(kind.name(), kind) != null) {
            throw new IllegalStateException("two objectives named " + kind.name());
        }
    }

    public static Optional<ObjectiveKind> find(String name) {
        return Optional.ofNullable(KINDS.get(name));
    }

    public static Collection<ObjectiveKind> all() {
        return KINDS.values();
    }
}
