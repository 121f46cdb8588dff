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
        for (TwoDimensional function : TwoDimensional.values()) {
            register(function.kind());
        }
    }

    private Objectives() {}

    private static void register(ObjectiveKind kind) {
        KINDS.put(kind.name(), kind);
    }

    public static Optional<ObjectiveKind> find(String name) {
        return Optional.ofNullable(KINDS.get(name));
    }

    public static Collection<ObjectiveKind> all() {
        return KINDS.values();
    }
}
