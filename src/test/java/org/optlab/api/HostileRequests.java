package org.optlab.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.optlab.compute.objective.ObjectiveKind;
import org.optlab.compute.objective.Objectives;
import org.optlab.compute.optimizer.OptimizerKind;
import org.optlab.compute.optimizer.Optimizers;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.schedule.ScheduleKind;
import org.optlab.compute.schedule.Schedules;

/**
 * Makes the requests of the fuzz test ({@link HostileInputFuzzTest}) from a seeded {@link Random}:
 * valid bodies of each POST endpoint, then mutations of their JSON trees (nasty values, names and
 * parameters from the catalog, deleted, renamed and unknown fields, deep nesting, huge arrays), of
 * their text (truncation, stray bytes, comments, bad encodings, non-standard number tokens), of
 * their headers (content type, accept), and bodies that are not JSON at all or too large.
 *
 * <p>Bodies are written by a small writer of its own, not by Jackson, so that it can emit what a
 * JSON library refuses to: {@code NaN}, {@code -Infinity}, {@code 1e999}, {@code +1}, {@code 01}.
 */
final class HostileRequests {

    /** One request: body bytes, headers (null: none) and how it was made, for the failure report. */
    record Attack(String path, byte[] body, String contentType, String accept, List<String> trail) {

        @Override
        public String toString() {
            String text = new String(body, 0, Math.min(body.length, 600), StandardCharsets.UTF_8);
            return "POST " + path + " Content-Type=" + contentType + " Accept=" + accept + " (" + body.length
                    + " bytes) via " + trail + "\n" + text + (body.length > 600 ? "…" : "");
        }
    }

    /** A token written verbatim: lets a body hold what JSON forbids. */
    record Raw(String token) {}

    static final List<String> ENDPOINTS =
            List.of("/api/v1/runs", "/api/v1/comparisons", "/api/v1/sweeps", "/api/v1/landscapes", "/api/v1/jobs");

    /** Every way a client has been seen to spell a non-finite or out-of-range number. */
    static final List<Object> NUMBER_TOKENS = List.of(
            new Raw("NaN"),
            new Raw("-NaN"),
            new Raw("+NaN"),
            new Raw("nan"),
            new Raw("Infinity"),
            new Raw("-Infinity"),
            new Raw("+Infinity"),
            new Raw("inf"),
            new Raw("-inf"),
            new Raw("INF"),
            "NaN",
            "-NaN",
            "Infinity",
            "-Infinity",
            "inf",
            new Raw("1e999"),
            new Raw("-1e999"),
            new Raw("1E+999"),
            new Raw("1e-999"),
            new Raw("-0"),
            new Raw("-0.0"),
            new Raw("1.7976931348623159e308"),
            new Raw("4.9e-325"),
            new Raw("2.2250738585072011e-308"),
            new Raw("1e2147483648"),
            new Raw("1e-2147483649"),
            new Raw("9223372036854775808"),
            new Raw("-9223372036854775809"),
            new Raw("2147483648"),
            new Raw("-2147483649"),
            new Raw("123456789012345678901234567890"),
            new Raw("0.1" + "0".repeat(150)),
            new Raw("1" + "0".repeat(400)),
            new Raw("+1"),
            new Raw("01"),
            new Raw(".5"),
            new Raw("5."),
            new Raw("0x1F"),
            new Raw("1_000"),
            new Raw("1e"),
            new Raw("--1"),
            new Raw("undefined"),
            new Raw("True"),
            new Raw("None"),
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            Double.MIN_VALUE,
            1e-320,
            -0.0,
            0,
            -1,
            1,
            2,
            0.5,
            1e6,
            1e9,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            Long.MAX_VALUE,
            Long.MIN_VALUE);

    private static final List<String> CONTENT_TYPES = List.of(
            "application/json;charset=UTF-8",
            "application/json; charset=utf-16",
            "application/json;charset=bogus",
            "application/problem+json",
            "application/merge-patch+json",
            "text/json",
            "text/plain",
            "text/csv",
            "text/html",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "application/xml",
            "application/yaml",
            "application/x-yaml",
            "application/cbor",
            "application/x-jackson-smile",
            "application/octet-stream",
            "*/*",
            "application/*",
            "multipart/form-data",
            "garbage",
            ";;;",
            "");
    // Illegal charset names ("charset=", "charset=x y") are tried on the real server only
    // (OperationsIT): MockMvc's own filter decorator fails on them before the application runs.

    private static final List<String> ACCEPTS = List.of(
            "application/json",
            "application/problem+json",
            "*/*",
            "text/csv",
            "text/html",
            "application/xml",
            "text/event-stream",
            "image/png",
            "application/json;q=0",
            "garbage",
            "text/csv, application/json;q=0.5",
            "");

    private final Random random;
    private final List<String> trail = new ArrayList<>();

    HostileRequests(Random random) {
        this.random = random;
    }

    /** An attack on one endpoint: mostly mutated valid bodies, some pure structure or transport attacks. */
    Attack next(String path) {
        trail.clear();
        String contentType = "application/json";
        String accept = null;
        byte[] body;
        int kind = random.nextInt(100);
        if (kind < 20) {
            trail.add("valid");
            body = text(seed(path));
        } else if (kind < 62) {
            Object tree = seed(path);
            int mutations = 1 + random.nextInt(4);
            for (int i = 0; i < mutations; i++) {
                tree = mutateTree(tree);
            }
            body = text(tree);
        } else if (kind < 80) {
            Object tree = random.nextBoolean() ? seed(path) : mutateTree(seed(path));
            body = mutateText(text(tree));
        } else if (kind < 86) {
            body = junk();
        } else if (kind < 90) {
            body = structural(path);
        } else if (kind < 92) {
            body = oversized(path);
        } else {
            body = text(seed(path));
            contentType = pick(CONTENT_TYPES);
            trail.add("content type " + contentType);
            if (contentType.contains("utf-16") && random.nextBoolean()) {
                body = new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
                trail.add("body in UTF-16");
            }
        }
        if (random.nextInt(100) < 8) {
            contentType = random.nextInt(4) == 0 ? null : pick(CONTENT_TYPES);
            trail.add("content type " + contentType);
        }
        if (random.nextInt(100) < 12) {
            accept = pick(ACCEPTS);
            trail.add("accept " + accept);
        }
        return new Attack(path, body, contentType, accept, List.copyOf(trail));
    }

    private byte[] text(Object tree) {
        return write(tree).getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------
    // Valid bodies

    /** A valid request body for the endpoint, cheap to compute under the fuzz test's limits. */
    Object seed(String path) {
        return mutable(
                switch (path) {
                    case "/api/v1/runs" -> runBody();
                    case "/api/v1/comparisons" -> comparisonBody();
                    case "/api/v1/sweeps" -> sweepBody();
                    case "/api/v1/landscapes" -> landscapeBody();
                    case "/api/v1/jobs" -> jobBody();
                    default -> throw new IllegalArgumentException(path);
                });
    }

    /** A deep copy made of mutable maps and lists, so that mutations may change any part. */
    private static Object mutable(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put((String) key, mutable(value)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(value -> copy.add(mutable(value)));
            return copy;
        }
        return tree;
    }

    /**
     * A run of the {@code expression} objective whose formula is built to hurt the parser, the
     * differentiator or the arithmetic: deep parentheses, long chains, huge exponents, 0/0, and
     * malformed text.
     */
    Attack formula() {
        trail.clear();
        String formula;
        int kind = random.nextInt(16);
        int n = 1 + random.nextInt(random.nextBoolean() ? 100 : 20_000);
        formula = switch (kind) {
            case 0 -> "(".repeat(n) + "x" + ")".repeat(n);
            case 1 -> "(".repeat(n) + "x" + ")".repeat(Math.max(0, n - 1 - random.nextInt(2)));
            case 2 -> "x" + "+x".repeat(n);
            case 3 -> "x" + "*y".repeat(n);
            case 4 -> "x" + "^x".repeat(Math.min(n, 200));
            case 5 ->
                pick(List.of("x^1e308", "x^-1e308", "10^400", "2^2^2^2^2^2^2", "x^(1/0)", "(-1)^0.5", "0^0", "0^-1"));
            case 6 ->
                pick(List.of(
                        "0/0",
                        "x/0",
                        "1/(x-x)",
                        "log(0)",
                        "log(-1)",
                        "sqrt(-1)",
                        "sqrt(x-x)*0",
                        "exp(1000)",
                        "exp(exp(exp(x)))",
                        "-exp(710)",
                        "tan(pi/2)",
                        "asin(2)"));
            case 7 -> "exp(".repeat(Math.min(n, 500)) + "x" + ")".repeat(Math.min(n, 500));
            case 8 -> "sin(".repeat(n) + "x" + ")".repeat(n);
            case 9 -> "-".repeat(n) + "x";
            case 10 -> "1" + "0".repeat(n) + "*x";
            case 11 -> "x" + "y".repeat(n);
            case 12 ->
                pick(List.of(
                        "",
                        " ",
                        "x +",
                        "* x",
                        "x y",
                        "(x,y)",
                        "foo(x)",
                        "x!",
                        "x**2",
                        "x^",
                        "()",
                        "x..1",
                        "1e",
                        "NaN*x",
                        "Infinity",
                        "x = 1",
                        "\u0000",
                        "x # y",
                        "é^2",
                        "𝑥^2",
                        "x;y",
                        "x\ny"));
            case 13 -> "x*" + "(y+".repeat(Math.min(n, 5000)) + "1" + ")".repeat(Math.min(n, 5000));
            case 14 -> "x" + "-x".repeat(n) + "+" + "(x-x)/".repeat(Math.min(n, 100)) + "1";
            default -> "(1-x)^2 + 100*(y-x^2)^2";
        };
        trail.add("formula kind " + kind + " n " + n);
        Object variables = switch (random.nextInt(8)) {
            case 0 -> List.of();
            case 1 -> List.of("x", "x");
            case 2 -> List.of("", "y");
            case 3 -> List.of("x", "y", "z");
            case 4 -> List.of("1x", "y");
            default -> List.of("x", "y");
        };
        Map<String, Object> body = map(
                "objective", map("name", "expression", "expression", formula, "variables", variables),
                "optimizer", map("name", random.nextBoolean() ? "adam" : "sgd"),
                "iterations", 1 + random.nextInt(30));
        if (random.nextBoolean()) {
            body.put("initialPoint", List.of(0.0, 0.0));
        }
        return new Attack("/api/v1/runs", text(body), "application/json", null, List.copyOf(trail));
    }

    private Map<String, Object> runBody() {
        Map<String, Object> body = runFields();
        body.put("optimizer", optimizer(0));
        return body;
    }

    private Map<String, Object> runFields() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objective", objective());
        int iterations = 1 + random.nextInt(60);
        body.put("iterations", iterations);
        if (random.nextBoolean()) {
            body.put("schedule", schedule(iterations));
        }
        if (random.nextBoolean()) {
            Map<String, Object> stopping = new LinkedHashMap<>();
            stopping.put("gradientNormBelow", random.nextBoolean() ? 1e-8 : null);
            stopping.put("lossBelow", random.nextBoolean() ? -1.0 : null);
            stopping.put("timeLimitMillis", 1 + random.nextInt(1000));
            body.put("stopping", stopping);
        }
        if (random.nextInt(4) == 0) {
            body.put("gradientClipNorm", 10.0);
        }
        if (random.nextInt(4) == 0) {
            body.put("gradientNoise", map("stddev", 0.01, "decay", 0.55));
        }
        if (random.nextInt(3) == 0) {
            body.put("record", map("every", 1 + random.nextInt(10)));
        }
        if (random.nextBoolean()) {
            body.put("seed", (long) random.nextInt(1000));
        }
        return body;
    }

    private Map<String, Object> objective() {
        List<ObjectiveKind> kinds = new ArrayList<>(Objectives.all());
        kinds.removeIf(kind -> kind.name().equals("expression"));
        ObjectiveKind kind = kinds.get(random.nextInt(kinds.size()));
        Map<String, Object> objective = map("name", kind.name());
        if (kind.name().equals("quadratic") && random.nextBoolean()) {
            objective.put("matrix", List.of(List.of(2.0, 0.5), List.of(0.5, 1.0)));
            objective.put("vector", List.of(1.0, -1.0));
        } else if (kind.variableDimension() && random.nextBoolean()) {
            objective.put("dimension", 2 + random.nextInt(4));
        }
        return objective;
    }

    /** A plain optimizer, or at depth 0 sometimes a composite around plain ones. */
    private Map<String, Object> optimizer(int depth) {
        List<OptimizerKind> kinds = new ArrayList<>(Optimizers.all());
        if (depth > 0) {
            kinds.removeIf(kind -> !kind.nestedOptimizers().isEmpty());
        }
        OptimizerKind kind = kinds.get(random.nextInt(kinds.size()));
        Map<String, Object> spec = map("name", kind.name());
        for (String nested : kind.nestedOptimizers()) {
            spec.put(nested, optimizer(depth + 1));
        }
        for (ParameterSpec parameter : kind.entry().parameters()) {
            if (parameter.required() && !spec.containsKey(parameter.name())) {
                spec.put(parameter.name(), validValue(parameter));
            }
        }
        if (kind.nestedOptimizers().isEmpty() && random.nextBoolean()) {
            ParameterSpec parameter = pick(kind.entry().parameters());
            if (!parameter.name().equals("name")) {
                spec.put(parameter.name(), validValue(parameter));
            }
        }
        return spec;
    }

    private Map<String, Object> schedule(int iterations) {
        ScheduleKind kind = pick(new ArrayList<>(Schedules.all()));
        Map<String, Object> spec = map("name", kind.name());
        for (ParameterSpec parameter : kind.entry().parameters()) {
            if (parameter.required()) {
                Object value = validValue(parameter);
                if (value instanceof Integer steps
                        && parameter.name().toLowerCase(Locale.ROOT).contains("step")) {
                    value = Math.max(1, Math.min(steps, iterations));
                }
                spec.put(parameter.name(), value);
            }
        }
        return spec;
    }

    /** A value inside the parameter's bounds (not necessarily one that suits every other parameter). */
    private Object validValue(ParameterSpec parameter) {
        double low = parameter.minimum() == null ? 0 : parameter.minimum();
        double high = parameter.maximum() == null ? low + 10 : parameter.maximum();
        return switch (parameter.type()) {
            case NUMBER -> {
                double value = low + (high - low) * (0.1 + 0.8 * random.nextDouble());
                yield value;
            }
            case INTEGER -> (int) Math.max(1, Math.min(high, Math.ceil(low) + random.nextInt(5)));
            case BOOLEAN -> random.nextBoolean();
            case CHOICE -> pick(parameter.choices());
            case VECTOR -> List.of(0.5, -0.5);
            case MATRIX -> List.of(List.of(1.0, 0.0), List.of(0.0, 1.0));
            case STRING -> "x^2 + y^2";
            case STRING_LIST -> List.of("x", "y");
            default -> map(); // OBJECT and whatever comes next: an empty object is the least it can be
        };
    }

    private Map<String, Object> comparisonBody() {
        Map<String, Object> body = runFields();
        List<Object> optimizers = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Map<String, Object> spec = optimizer(0);
            if (random.nextBoolean()) {
                spec.put("label", "o" + i);
            }
            optimizers.add(spec);
        }
        body.put("optimizers", optimizers);
        if (random.nextInt(5) == 0) {
            body.put("tune", map("trials", 2, "parameters", map("learningRate", map("min", 1e-3, "max", 0.1))));
            body.put("optimizers", List.of(map("name", "adam"), map("name", "sgd")));
        }
        return body;
    }

    private Map<String, Object> sweepBody() {
        Map<String, Object> body = runFields();
        body.put("optimizer", map("name", random.nextBoolean() ? "adam" : "sgd"));
        Object search = switch (random.nextInt(3)) {
            case 0 -> map("grid", map("learningRate", List.of(1e-3, 1e-2), "weightDecay", List.of(0.0, 0.1)));
            case 1 ->
                map(
                        "random",
                        map(
                                "trials",
                                1 + random.nextInt(4),
                                "ranges",
                                map("learningRate", map("min", 1e-4, "max", 1.0, "scale", "log"))));
            default ->
                map(
                        "halving",
                        map(
                                "trials",
                                2 + random.nextInt(4),
                                "ranges",
                                map("learningRate", map("min", 1e-4, "max", 0.5)),
                                "reduction",
                                2));
        };
        body.put("search", search);
        return body;
    }

    private Map<String, Object> landscapeBody() {
        Map<String, Object> body = map("objective", objective());
        if (random.nextBoolean()) {
            body.put("resolution", 2 + random.nextInt(10));
        }
        if (random.nextInt(3) == 0) {
            body.put("bounds", map("xMin", -2.0, "xMax", 2.0, "yMin", -1.0, "yMax", 3.0));
        }
        return body;
    }

    private Map<String, Object> jobBody() {
        return switch (random.nextInt(3)) {
            case 0 -> map("type", "run", "request", runBody());
            case 1 -> map("type", "comparison", "request", comparisonBody());
            default -> map("type", "sweep", "request", sweepBody());
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Tree mutations

    /** A place in the tree: a map and one of its keys, or a list and one of its indexes. */
    private record Slot(Object container, Object key) {}

    Object mutateTree(Object root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty() || random.nextInt(25) == 0) {
            Object replacement = nasty();
            trail.add("root := " + brief(replacement));
            return replacement;
        }
        Slot slot = pick(slots);
        int op = random.nextInt(100);
        if (slot.container() instanceof Map<?, ?> raw) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) raw;
            String key = (String) slot.key();
            if (op < 30) {
                Object value = nasty();
                trail.add(key + " := " + brief(value));
                map.put(key, value);
            } else if (op < 42) {
                trail.add("delete " + key);
                map.remove(key);
            } else if (op < 50) {
                String typo = typo(key);
                trail.add("rename " + key + " -> " + typo);
                Object value = map.remove(key);
                map.put(typo, value);
            } else if (op < 56) {
                String unknown = random.nextBoolean() ? typo(key) : "x" + random.nextInt(100);
                trail.add("add " + unknown);
                map.put(unknown, nasty());
            } else if (op < 78) {
                catalogMutation(map);
            } else if (op < 86) {
                Object value = map.get(key);
                Object wrapped = random.nextBoolean() ? new ArrayList<>(Arrays.asList(value)) : map("value", value);
                trail.add("wrap " + key);
                map.put(key, wrapped);
            } else if (op < 93) {
                int depth = 1 + random.nextInt(random.nextBoolean() ? 70 : 1000);
                trail.add(key + " := nested " + depth);
                map.put(key, nest(depth, map.get(key)));
            } else {
                int length = 1 + random.nextInt(random.nextBoolean() ? 100 : 5_000);
                trail.add(key + " := array of " + length);
                map.put(key, hugeArray(length));
            }
        } else {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) slot.container();
            int index = (Integer) slot.key();
            if (op < 45) {
                Object value = nasty();
                trail.add("[" + index + "] := " + brief(value));
                list.set(index, value);
            } else if (op < 60) {
                trail.add("remove [" + index + "]");
                list.remove(index);
            } else if (op < 80) {
                int copies = 1 + random.nextInt(random.nextBoolean() ? 20 : 1000);
                trail.add("repeat [" + index + "] " + copies + "x");
                Object value = list.get(index);
                for (int i = 0; i < copies; i++) {
                    list.add(value);
                }
            } else {
                trail.add("clear list");
                list.clear();
            }
        }
        return root;
    }

    /** Sets a name to another catalog name or a wrong one, or a parameter to an edge or nasty value. */
    private void catalogMutation(Map<String, Object> map) {
        CatalogEntry entry = entryFor(map.get("name"));
        int op = random.nextInt(100);
        if (op < 25 || entry == null) {
            Object name = switch (random.nextInt(8)) {
                case 0 -> pick(new ArrayList<>(Optimizers.all())).name();
                case 1 -> pick(new ArrayList<>(Objectives.all())).name();
                case 2 -> pick(new ArrayList<>(Schedules.all())).name();
                case 3 -> "ADAM";
                case 4 -> "adam ";
                case 5 -> "";
                case 6 -> nasty();
                default -> "no_such_thing";
            };
            trail.add("name := " + brief(name));
            map.put("name", name);
            return;
        }
        ParameterSpec parameter = pick(entry.parameters());
        Object value;
        if (op < 75) {
            value = edgeValue(parameter);
        } else {
            value = nasty();
        }
        trail.add(entry.name() + "." + parameter.name() + " := " + brief(value));
        map.put(parameter.name(), value);
    }

    private static CatalogEntry entryFor(Object name) {
        if (!(name instanceof String text)) {
            return null;
        }
        return Optimizers.find(text)
                .map(OptimizerKind::entry)
                .or(() -> Objectives.find(text).map(ObjectiveKind::entry))
                .or(() -> Schedules.find(text).map(ScheduleKind::entry))
                .filter(entry -> !entry.parameters().isEmpty())
                .orElse(null);
    }

    /** A value on, just past or far past a bound of the parameter. */
    private Object edgeValue(ParameterSpec parameter) {
        List<Object> candidates = new ArrayList<>();
        for (Double bound : Arrays.asList(parameter.minimum(), parameter.maximum())) {
            if (bound != null) {
                candidates.add(bound);
                candidates.add(Math.nextUp(bound));
                candidates.add(Math.nextDown(bound));
                candidates.add(bound + 1);
                candidates.add(bound - 1);
            }
        }
        candidates.addAll(List.of(0, -1, 1e300, -1e300, 1e-300, 3, 100_000, 2_000_000, 0.5));
        if (parameter.type() == org.optlab.compute.param.ParameterType.CHOICE) {
            candidates.add(parameter.choices().get(0).toUpperCase(Locale.ROOT));
            candidates.add("");
        }
        if (parameter.type() == org.optlab.compute.param.ParameterType.VECTOR) {
            candidates.add(List.of());
            candidates.add(hugeArray(1 + random.nextInt(5000)));
        }
        if (parameter.type() == org.optlab.compute.param.ParameterType.STRING) {
            candidates.addAll(List.of("", " ", "(".repeat(5_000) + "x" + ")".repeat(5_000), "0/0", "x^1e308"));
        }
        if (parameter.type() == org.optlab.compute.param.ParameterType.STRING_LIST) {
            candidates.addAll(List.of(List.of(), List.of("x", "x"), List.of(""), hugeArray(3000)));
        }
        if (parameter.type() == org.optlab.compute.param.ParameterType.MATRIX) {
            candidates.add(List.of(List.of()));
            candidates.add(List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)));
            candidates.add(List.of(List.of(1.0), List.of(1.0, 2.0)));
        }
        return mutable(pick(candidates));
    }

    private static void collect(Object node, List<Slot> slots) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                slots.add(new Slot(map, entry.getKey()));
                collect(entry.getValue(), slots);
            }
        } else if (node instanceof List<?> list && list.size() <= 50) {
            for (int i = 0; i < list.size(); i++) {
                slots.add(new Slot(list, i));
                collect(list.get(i), slots);
            }
        }
    }

    private Object nasty() {
        return mutable(anyNasty());
    }

    private Object anyNasty() {
        return switch (random.nextInt(12)) {
            case 0, 1, 2, 3 -> pick(NUMBER_TOKENS);
            case 4 -> null;
            case 5 -> random.nextBoolean();
            case 6 -> pick(List.of("", " ", "x", "adam", "\u0000", "é😀", "\ud800", "\\", "\"", "null", "1"));
            case 7 -> "s".repeat(1 + random.nextInt(random.nextBoolean() ? 1000 : 110_000));
            case 8 -> new ArrayList<>();
            case 9 -> new LinkedHashMap<>();
            case 10 -> new ArrayList<>(List.of(1, "two", List.of(3.0), map("four", 4)));
            default -> nest(1 + random.nextInt(100), 1);
        };
    }

    /** {@code [[[…inner…]]]} or {@code {"a":{"a":…}}}, as text: a tree that deep would overflow the writer. */
    private Object nest(int depth, Object inner) {
        String core = write(inner);
        return random.nextBoolean()
                ? new Raw("[".repeat(depth) + core + "]".repeat(depth))
                : new Raw("{\"a\":".repeat(depth) + core + "}".repeat(depth));
    }

    private List<Object> hugeArray(int length) {
        List<Object> values = new ArrayList<>(length);
        Object element = random.nextInt(3) == 0 ? pick(NUMBER_TOKENS) : random.nextDouble();
        for (int i = 0; i < length; i++) {
            values.add(element);
        }
        return values;
    }

    private String typo(String key) {
        if (key.isEmpty()) {
            return "_";
        }
        return switch (random.nextInt(5)) {
            case 0 -> key.toUpperCase(Locale.ROOT);
            case 1 -> key.substring(0, key.length() - 1);
            case 2 -> key + "_";
            case 3 -> key.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
            default -> " " + key;
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Text, structure and transport

    private byte[] mutateText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        String result;
        String what;
        switch (random.nextInt(14)) {
            case 0 -> {
                what = "truncated at " + at;
                result = text.substring(0, at);
            }
            case 1 -> {
                String c = pick(List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "'", "\u0000", "\n", "/", "*"));
                what = "inserted " + c + " at " + at;
                result = text.substring(0, at) + c + text.substring(at);
            }
            case 2 -> {
                what = "trailing garbage";
                result = text + pick(List.of("}", "]", ",", "{}", " x", "\u0000", "\n{\"a\":1}", "//"));
            }
            case 3 -> {
                what = "comment";
                result = "/* c */" + text.replaceFirst(",", ", // c\n");
            }
            case 4 -> {
                what = "single quotes";
                result = text.replace('"', '\'');
            }
            case 5 -> {
                what = "unquoted keys";
                result = text.replaceAll("\"([a-zA-Z]+)\":", "$1:");
            }
            case 6 -> {
                what = "duplicate key";
                result = text.replaceFirst("\\{", "{\"iterations\": 1, \"iterations\": 2, ");
            }
            case 7 -> {
                what = "raw control characters";
                result = text.replaceFirst("\"name\": ?\"", "\"name\":\"\t\u0001\n");
            }
            case 8 -> {
                what = "escaped lone surrogate";
                result = text.replaceFirst("\"name\": ?\"", "\"name\":\"\\\\ud800\\ud800");
            }
            case 9 -> {
                Object token = pick(NUMBER_TOKENS);
                what = "first number := " + brief(token);
                result = text.replaceFirst("(?<=[:\\[,])\\s*-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", write(token));
            }
            case 10 -> {
                what = "UTF-8 BOM";
                byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                trail.add(what);
                return concat(bom, body);
            }
            case 11 -> {
                byte[] bad = pick(List.of(
                        new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                        new byte[] {(byte) 0xE2, (byte) 0x82}));
                int pos = body.length == 0 ? 0 : random.nextInt(body.length);
                trail.add("invalid UTF-8 at " + pos);
                byte[] out = new byte[body.length + bad.length];
                System.arraycopy(body, 0, out, 0, pos);
                System.arraycopy(bad, 0, out, pos, bad.length);
                System.arraycopy(body, pos, out, pos + bad.length, body.length - pos);
                return out;
            }
            case 12 -> {
                what = "wrapped in an array";
                result = "[" + text + "," + text + "]";
            }
            default -> {
                what = "whitespace everywhere";
                result = text.replace(":", " \t\r\n: \u00a0").replace(",", "\r\n,");
            }
        }
        trail.add(what);
        return result.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] junk() {
        int kind = random.nextInt(10);
        trail.add("junk " + kind);
        return switch (kind) {
            case 0 -> new byte[0];
            case 1 -> " \n\t ".getBytes(StandardCharsets.UTF_8);
            case 2 ->
                pick(List.of("null", "true", "1", "-0", "\"x\"", "[]", "{}", "[{}]", "NaN"))
                        .getBytes(StandardCharsets.UTF_8);
            case 3 -> {
                byte[] bytes = new byte[1 + random.nextInt(2000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 4 -> "<?xml version=\"1.0\"?><run><iterations>5</iterations></run>".getBytes(StandardCharsets.UTF_8);
            case 5 -> "objective:\n  name: rosenbrock\noptimizer:\n  name: adam\n".getBytes(StandardCharsets.UTF_8);
            case 6 -> "objective=rosenbrock&optimizer=adam".getBytes(StandardCharsets.UTF_8);
            case 7 -> "{\"a\":".repeat(1 + random.nextInt(20_000)).getBytes(StandardCharsets.UTF_8);
            case 8 -> "[".repeat(1 + random.nextInt(100_000)).getBytes(StandardCharsets.UTF_8);
            default -> "\"".concat("\\u0000".repeat(1 + random.nextInt(10_000))).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A valid body around a very deep or very long value. */
    private byte[] structural(String path) {
        Map<String, Object> body = asMap(seed(path));
        String key = pick(new ArrayList<>(body.keySet()));
        int kind = random.nextInt(3);
        Object value;
        if (kind == 0) {
            int depth = 60 + random.nextInt(3_000);
            value = nest(depth, 1);
            trail.add(key + " := nested " + depth);
        } else if (kind == 1) {
            int length = 1 + random.nextInt(30_000);
            value = hugeArray(length);
            trail.add(key + " := array of " + length);
        } else {
            int length = 1_000 + random.nextInt(120_000);
            value = "x".repeat(length);
            trail.add(key + " := string of " + length);
        }
        body.put(key, value);
        return text(body);
    }

    /** A body over the 1 MiB request limit: padded, or one huge array. */
    private byte[] oversized(String path) {
        int extra = 1 + random.nextInt(1_000);
        if (random.nextBoolean()) {
            trail.add("padded past 1 MiB by " + extra);
            String text = write(seed(path));
            return (text.substring(0, text.length() - 1) + " ".repeat(1_048_576 + extra) + "}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        trail.add("initialPoint of 70000 numbers");
        Map<String, Object> body = asMap(seed(path));
        body.put("initialPoint", java.util.Collections.nCopies(70_000, 0.12345678901234567));
        return text(body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object tree) {
        return (Map<String, Object>) tree;
    }

    // ---------------------------------------------------------------------------------------------
    // Writing

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.token());
        } else if (value instanceof String text) {
            quote(text, out);
        } else if (value instanceof Double number && !Double.isFinite(number)) {
            out.append(number.isNaN() ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(value.getClass().getName());
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String brief(Object value) {
        String text = write(value);
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
