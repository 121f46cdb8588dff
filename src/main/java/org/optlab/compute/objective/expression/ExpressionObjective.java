package org.optlab.compute.objective.expression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.InvalidSpecException.Violation;
import org.optlab.compute.objective.Domain;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.objective.Optimum;
import org.optlab.compute.param.ParameterValues;

/**
 * The objective f given by a user's {@link Expression}, with ∇f by reverse-mode automatic
 * differentiation over the compiled tape (exact up to rounding, not finite differences). It starts
 * at {@code start} (zeros by default), plots 2-D formulas over [xMin, xMax] × [yMin, yMax]
 * ([−2, 2]² by default) and knows no optimum.
 *
 * <p>Concurrency: {@link #evaluate} needs scratch buffers (the tape). Each instance holds one tape
 * and lends it to one caller at a time through a compare-and-set flag; a caller that finds it
 * taken (another thread evaluating the same instance at that moment) allocates a fresh tape for
 * that call. So an instance is safe to share, as {@link Objective} requires, and allocates nothing
 * when used by one thread at a time, which is how runs use it: the kind's factory builds a fresh
 * instance for every request, and a run evaluates from one thread. No {@code ThreadLocal}.
 */
public final class ExpressionObjective implements Objective {

    /** Half the side of the default plotting square [−2, 2]². */
    public static final double DEFAULT_HALF_WIDTH = 2;

    private static final VarHandle BUSY;

    static {
        try {
            BUSY = MethodHandles.lookup().findVarHandle(ExpressionObjective.class, "busy", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Expression expression;
    private final Program program;
    private final double[] start;
    private final Domain domain;
    private final Program.Tape tape;

    /** 1 while a caller holds {@link #tape}. Accessed through {@link #BUSY}. */
    @SuppressWarnings("unused")
    private volatile int busy;

    private ExpressionObjective(Expression expression, double[] start, Domain domain) {
        this.expression = expression;
        this.program = expression.program();
        this.start = start;
        this.domain = domain;
        this.tape = program.newTape();
    }

    /** Starting at zeros, plotted over [−2, 2]² when two-dimensional. */
    public static ExpressionObjective of(Expression expression) {
        return of(expression, null, null);
    }

    /**
     * @param start the default initial point, one coordinate per variable; null for zeros
     * @param domain the plotting window, used only for two variables; null for [−2, 2]²
     */
    public static ExpressionObjective of(Expression expression, double[] start, Domain domain) {
        int n = expression.dimension();
        double[] point = start == null ? new double[n] : start.clone();
        List<Violation> violations = new ArrayList<>();
        checkStart(point, n, violations);
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        Domain window = n != 2 ? null : domain == null ? Domain.square(DEFAULT_HALF_WIDTH) : domain;
        return new ExpressionObjective(expression, point, window);
    }

    /**
     * Builds the objective from bound parameters: {@code expression} (a string), {@code variables}
     * (a list of strings), and the optional {@code start} (a vector) and {@code xMin}, {@code
     * xMax}, {@code yMin}, {@code yMax} (numbers). Every violation is collected before throwing.
     */
    public static ExpressionObjective of(ParameterValues values, ExpressionLimits limits) {
        Object text = values.asMap().get("expression");
        Object names = values.asMap().get("variables");
        List<Violation> violations = new ArrayList<>();
        List<String> variables = null;
        if (names == null) {
            variables = List.of("x", "y");
        } else if (names instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            variables = list.stream().map(String.class::cast).toList();
        } else {
            violations.add(new Violation("variables", "must be an array of strings"));
        }
        Expression expression = null;
        if (!(text instanceof String formula)) {
            violations.add(new Violation("expression", text == null ? "is required" : "must be a string"));
        } else if (variables != null) {
            try {
                expression = Expression.compile(formula, variables, limits);
            } catch (InvalidSpecException e) {
                violations.addAll(e.violations());
            }
        }
        double[] point = values.vector("start");
        if (point != null && expression != null) {
            checkStart(point, expression.dimension(), violations);
        }
        double xMin = values.has("xMin") ? values.number("xMin") : -DEFAULT_HALF_WIDTH;
        double xMax = values.has("xMax") ? values.number("xMax") : DEFAULT_HALF_WIDTH;
        double yMin = values.has("yMin") ? values.number("yMin") : -DEFAULT_HALF_WIDTH;
        double yMax = values.has("yMax") ? values.number("yMax") : DEFAULT_HALF_WIDTH;
        checkWindow("x", xMin, xMax, violations);
        checkWindow("y", yMin, yMax, violations);
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(violations);
        }
        return of(expression, point, new Domain(xMin, xMax, yMin, yMax));
    }

    private static void checkStart(double[] point, int dimension, List<Violation> violations) {
        if (point.length != dimension) {
            violations.add(new Violation(
                    "start", "must have " + dimension + " coordinates (one per variable), had " + point.length));
            return;
        }
        for (int i = 0; i < point.length; i++) {
            if (!Double.isFinite(point[i])) {
                violations.add(new Violation("start[" + i + "]", "must be a finite number"));
            }
        }
    }

    private static void checkWindow(String axis, double min, double max, List<Violation> violations) {
        if (!(min < max)) {
            violations.add(
                    new Violation(axis + "Max", "must be greater than " + axis + "Min (" + min + "), was " + max));
        }
    }

    /** The formula this objective evaluates. */
    public Expression expression() {
        return expression;
    }

    @Override
    public int dimension() {
        return expression.dimension();
    }

    @Override
    public double evaluate(double[] point, double[] gradient) {
        if ((int) BUSY.compareAndExchangeAcquire(this, 0, 1) != 0) {
            return program.evaluate(program.newTape(), point, gradient);
        }
        try {
            return program.evaluate(tape, point, gradient);
        } finally {
            BUSY.setRelease(this, 0);
        }
    }

    /** f alone: the forward pass, without the backward one. Allocates nothing. */
    @Override
    public double value(double[] point) {
        if ((int) BUSY.compareAndExchangeAcquire(this, 0, 1) != 0) {
            return program.value(program.newTape(), point);
        }
        try {
            return program.value(tape, point);
        } finally {
            BUSY.setRelease(this, 0);
        }
    }

    @Override
    public double[] defaultInitialPoint() {
        return start.clone();
    }

    /** No minimiser of an arbitrary formula is known. */
    @Override
    public Optimum optimum() {
        return null;
    }

    @Override
    public Domain domain() {
        return domain;
    }

    /** The given parameters with the derived start (zeros) filled in when none was given. */
    @Override
    public ParameterValues completed(ParameterValues given) {
        return given.has("start") ? given : given.with("start", start.clone());
    }

    @Override
    public String toString() {
        return "f(" + String.join(", ", expression.variables()) + ") = " + expression.text();
    }
}
