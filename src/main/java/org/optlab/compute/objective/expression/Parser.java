package org.optlab.compute.objective.expression;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;

/**
 * Reads a formula and emits its program in one pass. Recursive descent over this grammar, lowest
 * precedence first:
 *
 * <pre>
 * sum      = product { ("+" | "-") product }          left-associative
 * product  = unary { ("*" | "/") unary }              left-associative
 * unary    = ("-" | "+") unary | power                -x^2 = -(x^2)
 * power    = primary [ "^" unary ]                    right-associative: 2^3^2 = 2^9; x^-1 allowed
 * primary  = number | constant | variable | function "(" sum { "," sum } ")" | "(" sum ")"
 * number   = digits [ "." digits ] [ ("e" | "E") ["+" | "-"] digits ]   or   "." digits …
 * </pre>
 *
 * <p>Limits: the length is checked before the first character is read; every construct that
 * recurses (parentheses, calls, signs, exponents) checks the depth before it recurses, so the
 * Java stack holds at most a few frames per allowed level. Errors are {@link
 * InvalidSpecException}s naming the field {@code expression}, with the 1-based position of the
 * offending character.
 */
final class Parser {

    static final String FIELD = "expression";
    private static final int SHOWN_CHARACTERS = 24;

    private enum Token {
        END,
        NUMBER,
        NAME,
        PLUS,
        MINUS,
        STAR,
        SLASH,
        CARET,
        OPEN,
        CLOSE,
        COMMA
    }

    private final String text;
    private final List<String> variables;
    private final Map<String, Integer> variableIndex = new HashMap<>();
    private final int maxDepth;
    private final Program.Builder out;

    private Token token;
    private int start;
    private int end;
    private double number;

    private Parser(String text, List<String> variables, int maxDepth) {
        this.text = text;
        this.variables = variables;
        for (int k = 0; k < variables.size(); k++) {
            variableIndex.put(variables.get(k), k);
        }
        this.maxDepth = maxDepth;
        this.out = new Program.Builder(variables);
    }

    /** The program of {@code text} over {@code variables}, which the caller has checked. */
    static Program parse(String text, List<String> variables, ExpressionLimits limits) {
        if (text.length() > limits.maxLength()) {
            throw new InvalidSpecException(
                    FIELD,
                    "is " + text.length() + " characters long, more than the limit of " + limits.maxLength()
                            + " characters");
        }
        if (text.isBlank()) {
            throw new InvalidSpecException(FIELD, "must not be empty");
        }
        Parser parser = new Parser(text, variables, limits.maxDepth());
        parser.advance();
        int result = parser.sum(0);
        if (parser.token == Token.CLOSE) {
            throw parser.error("at position " + (parser.start + 1) + ": unmatched ')'");
        }
        if (parser.token != Token.END) {
            throw parser.expected("an operator or end of input");
        }
        return parser.out.finish(result);
    }

    private int sum(int depth) {
        int result = product(depth);
        while (token == Token.PLUS || token == Token.MINUS) {
            int opcode = token == Token.PLUS ? Program.ADD : Program.SUB;
            advance();
            result = out.binary(opcode, result, product(depth));
        }
        return result;
    }

    private int product(int depth) {
        int result = unary(depth);
        while (token == Token.STAR || token == Token.SLASH) {
            int opcode = token == Token.STAR ? Program.MUL : Program.DIV;
            advance();
            result = out.binary(opcode, result, unary(depth));
        }
        return result;
    }

    private int unary(int depth) {
        if (token == Token.MINUS || token == Token.PLUS) {
            boolean negate = token == Token.MINUS;
            int at = start;
            advance();
            enter(depth + 1, at);
            int operand = unary(depth + 1);
            return negate ? out.unary(Program.NEG, operand) : operand;
        }
        return power(depth);
    }

    private int power(int depth) {
        int base = primary(depth);
        if (token != Token.CARET) {
            return base;
        }
        int at = start;
        advance();
        enter(depth + 1, at);
        return out.power(base, unary(depth + 1));
    }

    private int primary(int depth) {
        switch (token) {
            case NUMBER -> {
                int constant = out.constant(number);
                advance();
                return constant;
            }
            case OPEN -> {
                int at = start;
                advance();
                enter(depth + 1, at);
                int inner = sum(depth + 1);
                expect(Token.CLOSE, "')'");
                return inner;
            }
            case NAME -> {
                String name = text.substring(start, end);
                int at = start;
                advance();
                if (token == Token.OPEN) {
                    return call(name, at, depth);
                }
                Integer index = variableIndex.get(name);
                if (index != null) {
                    return out.variable(index);
                }
                if (name.equals("pi")) {
                    return out.constant(Math.PI);
                }
                if (name.equals("e")) {
                    return out.constant(Math.E);
                }
                if (Builtin.named(name) != null) {
                    throw expected("'(' after function '" + name + "'");
                }
                throw error("unknown variable '" + shorten(name) + "' at position " + (at + 1) + "; variables: "
                        + variables);
            }
            default -> throw expected("a number, variable, function or '('");
        }
    }

    private int call(String name, int at, int depth) {
        Builtin function = Builtin.named(name);
        if (function == null) {
            String what = variableIndex.containsKey(name)
                    ? "'" + name + "' at position " + (at + 1) + " is a variable, not a function"
                    : name.equals("pi") || name.equals("e")
                            ? "'" + name + "' at position " + (at + 1) + " is a constant, not a function"
                            : "unknown function '" + shorten(name) + "' at position " + (at + 1);
            throw error(what + "; functions: " + Builtin.NAMES);
        }
        enter(depth + 1, start);
        advance();
        int first = 0;
        int second = 0;
        int count = 0;
        if (token != Token.CLOSE) {
            while (true) {
                int argument = sum(depth + 1);
                if (count == 0) {
                    first = argument;
                } else if (count == 1) {
                    second = argument;
                }
                count++;
                if (token != Token.COMMA) {
                    break;
                }
                advance();
            }
        }
        expect(Token.CLOSE, function.arity() == 1 ? "')'" : "',' or ')'");
        if (count != function.arity()) {
            throw error("function '" + name + "' at position " + (at + 1) + " takes " + function.arity()
                    + (function.arity() == 1 ? " argument" : " arguments") + ", got " + count);
        }
        if (function.arity() == 1) {
            return out.unary(function.opcode(), first);
        }
        return function == Builtin.POW ? out.power(first, second) : out.binary(function.opcode(), first, second);
    }

    /** Fails before a recursive step that would nest deeper than the limit. */
    private void enter(int depth, int at) {
        if (depth > maxDepth) {
            throw error("at position " + (at + 1) + ": nested deeper than the limit of " + maxDepth + " levels");
        }
    }

    private void expect(Token wanted, String description) {
        if (token != wanted) {
            throw expected(description);
        }
        advance();
    }

    private InvalidSpecException expected(String what) {
        return error("at position " + (start + 1) + ": expected " + what + " but found " + describeToken());
    }

    private InvalidSpecException error(String message) {
        return new InvalidSpecException(FIELD, message);
    }

    private String describeToken() {
        if (token == Token.END) {
            return "end of input";
        }
        return "'" + shorten(text.substring(start, end)) + "'";
    }

    private static String shorten(String shown) {
        return shown.length() <= SHOWN_CHARACTERS ? shown : shown.substring(0, SHOWN_CHARACTERS) + "…";
    }

    /** Reads the next token into {@link #token}, {@link #start}, {@link #end} (and {@link #number}). */
    private void advance() {
        int i = end;
        int length = text.length();
        while (i < length && isSpace(text.charAt(i))) {
            i++;
        }
        start = i;
        if (i == length) {
            token = Token.END;
            end = i;
            return;
        }
        char c = text.charAt(i);
        if (isDigit(c) || (c == '.' && i + 1 < length && isDigit(text.charAt(i + 1)))) {
            readNumber(i);
            return;
        }
        if (isNameStart(c)) {
            int j = i + 1;
            while (j < length && isNamePart(text.charAt(j))) {
                j++;
            }
            token = Token.NAME;
            end = j;
            return;
        }
        token = switch (c) {
            case '+' -> Token.PLUS;
            case '-' -> Token.MINUS;
            case '*' -> Token.STAR;
            case '/' -> Token.SLASH;
            case '^' -> Token.CARET;
            case '(' -> Token.OPEN;
            case ')' -> Token.CLOSE;
            case ',' -> Token.COMMA;
            default -> throw error("at position " + (i + 1) + ": unexpected character " + describeCharacter(i));
        };
        end = i + 1;
    }

    private void readNumber(int i) {
        int length = text.length();
        int j = i;
        while (j < length && isDigit(text.charAt(j))) {
            j++;
        }
        if (j < length && text.charAt(j) == '.') {
            j++;
            while (j < length && isDigit(text.charAt(j))) {
                j++;
            }
        }
        if (j < length && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
            int k = j + 1;
            boolean signed = k < length && (text.charAt(k) == '+' || text.charAt(k) == '-');
            if (signed) {
                k++;
            }
            if (k < length && isDigit(text.charAt(k))) {
                while (k < length && isDigit(text.charAt(k))) {
                    k++;
                }
                j = k;
            } else if (signed) {
                throw error("at position " + (k + 1) + ": expected the exponent's digits but found "
                        + (k < length ? describeCharacter(k) : "end of input"));
            }
            // Otherwise the 'e' starts the next token (the constant e, or an error there).
        }
        String literal = text.substring(i, j);
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw error(
                    "at position " + (i + 1) + ": the number " + shorten(literal) + " is outside the float64 range");
        }
        token = Token.NUMBER;
        number = value;
        end = j;
    }

    private String describeCharacter(int i) {
        int codePoint = text.codePointAt(i);
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
            return String.format(Locale.ROOT, "U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
