package org.optlab.compute.objective.expression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A formula compiled to straight-line code: operation i reads the slots {@code left[i]} and
 * {@code right[i]} and writes slot {@code base + i}. The slots are laid out as
 * {@code [variables | constants | sink | results of operations]}; one-argument operations read
 * the sink (always 0) as their right operand, so the backward pass needs no branch on arity.
 *
 * <p>{@link #evaluate} is reverse-mode automatic differentiation: the forward pass stores each
 * operation's value and its two local partial derivatives on the {@link Tape}, the backward pass
 * walks the tape in reverse accumulating adjoints, ∂f/∂slot. Both are loops over int arrays with
 * no maps, boxing or allocation. Immutable; the tape is the only mutable state.
 *
 * <p>Conventions at the edges of the primitives' domains (no exception is ever thrown): |x|′(0) = 0;
 * min and max pass the gradient to the first argument on ties; √x′(0) = +∞; ∂(xʸ)/∂y = 0 at x = 0
 * (as JAX); x⁰ has derivative 0 everywhere; outside a function's domain values are NaN and so are
 * the derivatives; a node whose adjoint is exactly 0 propagates nothing, so {@code 0*sqrt(x)} has
 * gradient 0 at x = 0.
 */
final class Program {

    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;
    /** xʸ with both operands computed. */
    static final int POW = 4;
    /** xᶜ with c a constant slot (so ∂/∂c is not needed). */
    static final int POW_CONSTANT = 5;

    static final int SQUARE = 6;
    static final int NEG = 7;
    static final int SIN = 8;
    static final int COS = 9;
    static final int TAN = 10;
    static final int ASIN = 11;
    static final int ACOS = 12;
    static final int ATAN = 13;
    static final int SINH = 14;
    static final int COSH = 15;
    static final int TANH = 16;
    static final int EXP = 17;
    static final int LOG = 18;
    static final int LOG10 = 19;
    static final int SQRT = 20;
    static final int ABS = 21;
    static final int MIN = 22;
    static final int MAX = 23;

    private static final double LN10 = Math.log(10);

    private final List<String> variables;
    private final int[] operation;
    private final int[] left;
    private final int[] right;
    /** Slot values before a call: the constants in place, zeros elsewhere. */
    private final double[] initialSlots;

    private final int base;
    private final int result;

    private Program(
            List<String> variables, int[] operation, int[] left, int[] right, double[] initialSlots, int result) {
        this.variables = variables;
        this.operation = operation;
        this.left = left;
        this.right = right;
        this.initialSlots = initialSlots;
        this.base = initialSlots.length - operation.length;
        this.result = result;
    }

    int dimension() {
        return variables.size();
    }

    /** The number of operations on the tape (constants and variables are not operations). */
    int length() {
        return operation.length;
    }

    /** Scratch space for one evaluation at a time. */
    Tape newTape() {
        return new Tape(
                initialSlots.clone(),
                new double[operation.length],
                new double[operation.length],
                new double[initialSlots.length]);
    }

    /** The buffers one evaluation writes: slot values, local partials and adjoints. */
    record Tape(double[] slots, double[] leftPartials, double[] rightPartials, double[] adjoints) {}

    /** f(point), writing ∇f(point) into {@code gradient}. Allocates nothing. */
    double evaluate(Tape tape, double[] point, double[] gradient) {
        double[] slots = tape.slots;
        double[] leftPartials = tape.leftPartials;
        double[] rightPartials = tape.rightPartials;
        int n = variables.size();
        System.arraycopy(point, 0, slots, 0, n);
        forward(operation, left, right, base, slots, leftPartials, rightPartials);
        double value = slots[result];

        double[] adjoints = tape.adjoints;
        Arrays.fill(adjoints, 0.0);
        adjoints[result] = 1;
        for (int i = operation.length - 1; i >= 0; i--) {
            double adjoint = adjoints[base + i];
            if (adjoint != 0) {
                adjoints[left[i]] += adjoint * leftPartials[i];
                adjoints[right[i]] += adjoint * rightPartials[i];
            }
        }
        System.arraycopy(adjoints, 0, gradient, 0, n);
        return value;
    }

    /** f(point) alone: the forward pass. Allocates nothing. */
    double value(Tape tape, double[] point) {
        System.arraycopy(point, 0, tape.slots, 0, variables.size());
        forward(operation, left, right, base, tape.slots, tape.leftPartials, tape.rightPartials);
        return tape.slots[result];
    }

    /**
     * The forward pass: every operation's value and its local partial derivatives with respect to
     * its left and right operands. Constant folding runs one operation through this same loop, so a
     * folded constant is bit for bit what the evaluator would have computed.
     */
    private static void forward(
            int[] operation,
            int[] left,
            int[] right,
            int base,
            double[] slots,
            double[] leftPartials,
            double[] rightPartials) {
        for (int i = 0; i < operation.length; i++) {
            double x = slots[left[i]];
            double y = slots[right[i]];
            double value;
            double dx;
            double dy = 0;
            switch (operation[i]) {
                case ADD -> {
                    value = x + y;
                    dx = 1;
                    dy = 1;
                }
                case SUB -> {
                    value = x - y;
                    dx = 1;
                    dy = -1;
                }
                case MUL -> {
                    value = x * y;
                    dx = y;
                    dy = x;
                }
                case DIV -> {
                    value = x / y;
                    dx = 1 / y;
                    dy = -value / y;
                }
                case POW -> {
                    value = Math.pow(x, y);
                    dx = y == 0 ? 0 : y * Math.pow(x, y - 1);
                    // JAX's convention: log x is taken as 0 at x = 0, where xʸ is 0 or 1 anyway.
                    dy = x == 0 ? 0 : value * Math.log(x);
                }
                case POW_CONSTANT -> {
                    value = Math.pow(x, y);
                    dx = y == 0 ? 0 : y * Math.pow(x, y - 1);
                }
                case SQUARE -> {
                    value = x * x;
                    dx = 2 * x;
                }
                case NEG -> {
                    value = -x;
                    dx = -1;
                }
                case SIN -> {
                    value = Math.sin(x);
                    dx = Math.cos(x);
                }
                case COS -> {
                    value = Math.cos(x);
                    dx = -Math.sin(x);
                }
                case TAN -> {
                    value = Math.tan(x);
                    dx = 1 + value * value;
                }
                case ASIN -> {
                    value = Math.asin(x);
                    dx = 1 / Math.sqrt(1 - x * x);
                }
                case ACOS -> {
                    value = Math.acos(x);
                    dx = -1 / Math.sqrt(1 - x * x);
                }
                case ATAN -> {
                    value = Math.atan(x);
                    dx = 1 / (1 + x * x);
                }
                case SINH -> {
                    value = Math.sinh(x);
                    dx = Math.cosh(x);
                }
                case COSH -> {
                    value = Math.cosh(x);
                    dx = Math.sinh(x);
                }
                case TANH -> {
                    value = Math.tanh(x);
                    dx = 1 - value * value;
                }
                case EXP -> {
                    value = Math.exp(x);
                    dx = value;
                }
                case LOG -> {
                    value = Math.log(x);
                    dx = x < 0 ? Double.NaN : 1 / x;
                }
                case LOG10 -> {
                    value = Math.log10(x);
                    dx = x < 0 ? Double.NaN : 1 / (x * LN10);
                }
                case SQRT -> {
                    value = Math.sqrt(x);
                    dx = 0.5 / value;
                }
                case ABS -> {
                    value = Math.abs(x);
                    dx = Math.signum(x);
                }
                case MIN -> {
                    value = Math.min(x, y);
                    boolean first = x <= y;
                    dx = first ? 1 : 0;
                    dy = first ? 0 : 1;
                }
                case MAX -> {
                    value = Math.max(x, y);
                    boolean first = x >= y;
                    dx = first ? 1 : 0;
                    dy = first ? 0 : 1;
                }
                default -> throw new IllegalStateException("opcode " + operation[i]);
            }
            slots[base + i] = value;
            leftPartials[i] = dx;
            rightPartials[i] = dy;
        }
    }

    /** One operation applied to constants, exactly as the evaluator applies it. */
    static double apply(int opcode, double x, double y) {
        double[] slots = {x, y, 0};
        forward(new int[] {opcode}, new int[] {0}, new int[] {1}, 2, slots, new double[1], new double[1]);
        return slots[2];
    }

    /** The formula fully parenthesised, constants folded: {@code ((1 - x) ^ 2)}. For messages and tests. */
    String render() {
        int n = variables.size();
        String[] text = new String[initialSlots.length];
        for (int k = 0; k < n; k++) {
            text[k] = variables.get(k);
        }
        for (int s = n; s < base; s++) {
            text[s] = format(initialSlots[s]);
        }
        for (int i = 0; i < operation.length; i++) {
            String x = text[left[i]];
            String y = text[right[i]];
            text[base + i] = switch (operation[i]) {
                case ADD -> "(" + x + " + " + y + ")";
                case SUB -> "(" + x + " - " + y + ")";
                case MUL -> "(" + x + " * " + y + ")";
                case DIV -> "(" + x + " / " + y + ")";
                case POW, POW_CONSTANT -> "(" + x + " ^ " + y + ")";
                case SQUARE -> "(" + x + " ^ 2)";
                case NEG -> "(-" + x + ")";
                case MIN, MAX -> Builtin.ofOpcode(operation[i]).label() + "(" + x + ", " + y + ")";
                default -> Builtin.ofOpcode(operation[i]).label() + "(" + x + ")";
            };
        }
        return text[result];
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return Double.toString(value);
    }

    /**
     * Collects operations while the parser reads the formula, folding operations on constants.
     * Operands are references: {@code index << 2 | tag}, the tag saying whether the index counts
     * variables, constants or operations; {@link #finish} turns them into slots. Everything it
     * holds is proportional to the formula's length, which the parser has already checked.
     */
    static final class Builder {
        private static final int VARIABLE = 0;
        private static final int CONSTANT = 1;
        private static final int OPERATION = 2;
        private static final int SINK = 3;

        private final List<String> variables;
        private final List<Double> constants = new ArrayList<>();
        private final Map<Long, Integer> constantIndex = new HashMap<>();
        private int[] operation = new int[16];
        private int[] left = new int[16];
        private int[] right = new int[16];
        private int count;

        Builder(List<String> variables) {
            this.variables = List.copyOf(variables);
        }

        int variable(int index) {
            return index << 2 | VARIABLE;
        }

        int constant(double value) {
            Integer index = constantIndex.computeIfAbsent(Double.doubleToRawLongBits(value), bits -> {
                constants.add(value);
                return constants.size() - 1;
            });
            return index << 2 | CONSTANT;
        }

        /** A one-argument operation (a function, or negation). */
        int unary(int opcode, int operand) {
            if (isConstant(operand)) {
                return constant(apply(opcode, constantValue(operand), 0));
            }
            return emit(opcode, operand, SINK);
        }

        /** A two-argument operation other than a power. */
        int binary(int opcode, int x, int y) {
            if (isConstant(x) && isConstant(y)) {
                return constant(apply(opcode, constantValue(x), constantValue(y)));
            }
            return emit(opcode, x, y);
        }

        /** xʸ: x² as a square, a constant exponent without its (unused) partial. */
        int power(int x, int y) {
            if (isConstant(x) && isConstant(y)) {
                return constant(apply(POW, constantValue(x), constantValue(y)));
            }
            if (isConstant(y)) {
                return constantValue(y) == 2 ? emit(SQUARE, x, SINK) : emit(POW_CONSTANT, x, y);
            }
            return emit(POW, x, y);
        }

        private static boolean isConstant(int reference) {
            return (reference & 3) == CONSTANT;
        }

        private double constantValue(int reference) {
            return constants.get(reference >>> 2);
        }

        private int emit(int opcode, int x, int y) {
            if (count == operation.length) {
                operation = Arrays.copyOf(operation, count * 2);
                left = Arrays.copyOf(left, count * 2);
                right = Arrays.copyOf(right, count * 2);
            }
            operation[count] = opcode;
            left[count] = x;
            right[count] = y;
            return count++ << 2 | OPERATION;
        }

        /** The program whose result is {@code reference}, keeping only the constants it reads. */
        Program finish(int reference) {
            int n = variables.size();
            int[] constantSlot = new int[constants.size()];
            Arrays.fill(constantSlot, -1);
            List<Double> used = new ArrayList<>();
            int[] all = new int[2 * count + 1];
            System.arraycopy(left, 0, all, 0, count);
            System.arraycopy(right, 0, all, count, count);
            all[2 * count] = reference;
            for (int r : all) {
                if (isConstant(r) && constantSlot[r >>> 2] < 0) {
                    constantSlot[r >>> 2] = n + used.size();
                    used.add(constants.get(r >>> 2));
                }
            }
            int sink = n + used.size();
            int base = sink + 1;
            double[] initial = new double[base + count];
            for (int j = 0; j < used.size(); j++) {
                initial[n + j] = used.get(j);
            }
            int[] x = new int[count];
            int[] y = new int[count];
            for (int i = 0; i < count; i++) {
                x[i] = slot(left[i], constantSlot, sink, base);
                y[i] = slot(right[i], constantSlot, sink, base);
            }
            return new Program(
                    variables,
                    Arrays.copyOf(operation, count),
                    x,
                    y,
                    initial,
                    slot(reference, constantSlot, sink, base));
        }

        private static int slot(int reference, int[] constantSlot, int sink, int base) {
            int index = reference >>> 2;
            return switch (reference & 3) {
                case VARIABLE -> index;
                case CONSTANT -> constantSlot[index];
                case OPERATION -> base + index;
                default -> sink;
            };
        }
    }
}
