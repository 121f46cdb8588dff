package org.optlab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.objective.Rosenbrock;
import org.optlab.compute.objective.expression.Expression;
import org.optlab.compute.objective.expression.ExpressionObjective;

/**
 * One {@code evaluate} (value and gradient) of 2-D Rosenbrock: the formula
 * {@code (1-x)^2 + 100*(y-x^2)^2} compiled to a tape and differentiated in reverse mode, against
 * the hand-written {@link Rosenbrock}. The score is nanoseconds per call; the ratio is what the
 * interpreter and the tape cost over straight-line Java.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExpressionBenchmark {

    private Objective builtIn;
    private Objective formula;
    private final double[] point = {-1.2, 1.0};
    private final double[] gradient = new double[2];

    @Setup
    public void prepare() {
        builtIn = new Rosenbrock(2, 1, 100);
        formula = ExpressionObjective.of(Expression.compile("(1-x)^2 + 100*(y-x^2)^2", List.of("x", "y")));
    }

    @Benchmark
    public double builtInRosenbrock() {
        return builtIn.evaluate(point, gradient) + gradient[0];
    }

    @Benchmark
    public double expressionRosenbrock() {
        return formula.evaluate(point, gradient) + gradient[0];
    }
}
