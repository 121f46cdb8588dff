package org.optlab.compute.objective.expression;

import java.util.Arrays;
import java.util.List;

/** The functions a formula may call, with their arity and the operation each compiles to. */
enum Builtin {
    SIN("sin", 1, Program.SIN),
    COS("cos", 1, Program.COS),
    TAN("tan", 1, Program.TAN),
    ASIN("asin", 1, Program.ASIN),
    ACOS("acos", 1, Program.ACOS),
    ATAN("atan", 1, Program.ATAN),
    SINH("sinh", 1, Program.SINH),
    COSH("cosh", 1, Program.COSH),
    TANH("tanh", 1, Program.TANH),
    EXP("exp", 1, Program.EXP),
    LOG("log", 1, Program.LOG),
    LOG10("log10", 1, Program.LOG10),
    SQRT("sqrt", 1, Program.SQRT),
    ABS("abs", 1, Program.ABS),
    MIN("min", 2, Program.MIN),
    MAX("max", 2, Program.MAX),
    POW("pow", 2, Program.POW);

    /** Every function name, in catalog order. */
    static final List<String> NAMES =
            Arrays.stream(values()).map(Builtin::label).toList();

    private final String label;
    private final int arity;
    private final int opcode;

    Builtin(String label, int arity, int opcode) {
        this.label = label;
        this.arity = arity;
        this.opcode = opcode;
    }

    String label() {
        return label;
    }

    int arity() {
        return arity;
    }

    int opcode() {
        return opcode;
    }

    /** The function called {@code name}, or null. */
    static Builtin named(String name) {
        for (Builtin function : values()) {
            if (function.label.equals(name)) {
                return function;
            }
        }
        return null;
    }

    /** The function that compiles to {@code opcode} (pow for both power operations). */
    static Builtin ofOpcode(int opcode) {
        for (Builtin function : values()) {
            if (function.opcode == opcode) {
                return function;
            }
        }
        throw new IllegalArgumentException("no function compiles to opcode " + opcode);
    }
}
