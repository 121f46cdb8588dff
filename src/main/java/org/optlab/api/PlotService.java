package org.optlab.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.optlab.compute.InvalidSpecException;
import org.optlab.compute.Limits;
import org.optlab.compute.objective.Domain;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.objective.Objectives;
import org.optlab.compute.run.RunPlan;
import org.optlab.config.LimitsProperties;
import org.optlab.plot.ContourLevels;
import org.optlab.plot.Field;
import org.optlab.plot.LossesPlot;
import org.optlab.plot.PathsPlot;
import org.optlab.plot.SweepHeatmap;
import org.optlab.plot.Trace;
import org.springframework.stereotype.Service;

/**
 * Turns a plot request into the runs it needs (a comparison, a landscape or a grid sweep, through
 * {@link StudyService}, so with the same validation and limits as their own endpoints) and then
 * into an SVG. Everything that can be checked is checked before anything runs.
 */
@Service
public class PlotService {

    static final int MIN_WIDTH = 200;
    static final int MIN_HEIGHT = 150;
    static final int MAX_SIZE = 4000;

    /** What kind of picture. */
    public enum Kind {
        PATHS,
        LOSSES,
        SWEEP;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An SVG document and the kind it turned out to be. */
    public record Rendered(Kind kind, byte[] svg) {}

    private final StudyService studies;
    private final Limits limits;
    private final LimitsProperties limitsProperties;

    public PlotService(StudyService studies, Limits limits, LimitsProperties limitsProperties) {
        this.studies = studies;
        this.limits = limits;
        this.limitsProperties = limitsProperties;
    }

    public Rendered render(PlotRequest request) {
        int width = size("width", request.width(), 800, MIN_WIDTH);
        int height = size("height", request.height(), 600, MIN_HEIGHT);
        ContourLevels.Spacing spacing = spacing(request.scale());
        int levels = request.levels() == null ? 14 : request.levels();
        if (levels < 2 || levels > 60) {
            throw new InvalidSpecException("levels", "must be in [2, 60], was " + levels);
        }
        Kind kind = kind(request);
        if (kind == Kind.SWEEP) {
            return new Rendered(kind, sweep(request, width, height, spacing));
        }
        if (request.optimizer() != null) {
            throw new InvalidSpecException(
                    "optimizer", "is for kind sweep; kinds paths and losses take a list of optimizers");
        }
        if (request.search() != null) {
            throw new InvalidSpecException("search", "is for kind sweep");
        }
        if (request.optimizers() == null || request.optimizers().isEmpty()) {
            throw new InvalidSpecException(
                    "optimizers",
                    "is required for kind " + (kind == null ? "paths or losses" : kind.wireName())
                            + ": 1 to 16 optimizer specs");
        }
        if (request.optimizers().size() > 16) {
            throw new InvalidSpecException(
                    "optimizers",
                    "must list at most 16 optimizers, had "
                            + request.optimizers().size());
        }
        RunPlan.BoundObjective bound = RunPlan.objective(request.objective(), limits);
        int dimension = bound.objective().dimension();
        if (kind == null) {
            kind = dimension == 2 ? Kind.PATHS : Kind.LOSSES;
        } else if (kind == Kind.PATHS && dimension != 2) {
            throw new InvalidSpecException(
                    "kind", "paths needs a 2-D objective; this one has dimension " + dimension + ": use losses");
        }
        StudyResponses.ComparisonResponse comparison =
                studies.prepareComparison(comparisonOf(request)).run(() -> false, progress -> {});
        List<Trace> traces =
                comparison.results().stream().map(PlotService::trace).toList();
        RunResponse.OptimumView optimum = comparison.results().get(0).run().optimum();
        double minimumLoss = optimum == null ? Double.NaN : optimum.loss();
        String what = describe(bound.resolved());
        if (kind == Kind.LOSSES) {
            String title = request.title() != null
                    ? request.title()
                    : "Loss against iteration: " + what + ", " + count(traces.size(), "optimizer");
            return new Rendered(kind, new LossesPlot(title, width, height, traces, spacing, minimumLoss).render());
        }
        Field field = landscape(request, bound.objective(), width, height);
        String title = request.title() != null
                ? request.title()
                : what + ": " + count(traces.size(), "optimizer") + ", " + count(iterations(request), "iteration");
        List<double[]> minima = optimum == null ? List.of() : optimum.points();
        return new Rendered(
                kind,
                new PathsPlot(
                                title,
                                width,
                                height,
                                field,
                                levels,
                                spacing,
                                minima,
                                minimumLoss,
                                traces,
                                axisNames(bound.resolved()))
                        .render());
    }

    private static Kind kind(PlotRequest request) {
        if (request.kind() == null) {
            return request.search() != null ? Kind.SWEEP : null;
        }
        return switch (request.kind()) {
            case "paths" -> Kind.PATHS;
            case "losses" -> Kind.LOSSES;
            case "sweep" -> Kind.SWEEP;
            default ->
                throw new InvalidSpecException(
                        "kind", "must be one of paths, losses, sweep, was \"" + request.kind() + "\"");
        };
    }

    private static int size(String field, Integer given, int fallback, int min) {
        int value = given == null ? fallback : given;
        if (value < min || value > MAX_SIZE) {
            throw new InvalidSpecException(field, "must be in [" + min + ", " + MAX_SIZE + "] pixels, was " + value);
        }
        return value;
    }

    private static ContourLevels.Spacing spacing(String scale) {
        if (scale == null) {
            return ContourLevels.Spacing.AUTO;
        }
        return switch (scale) {
            case "auto" -> ContourLevels.Spacing.AUTO;
            case "log" -> ContourLevels.Spacing.LOG;
            case "linear" -> ContourLevels.Spacing.LINEAR;
            default -> throw new InvalidSpecException("scale", "must be auto, log or linear, was \"" + scale + "\"");
        };
    }

    private static StudyRequests.ComparisonRequest comparisonOf(PlotRequest r) {
        return new StudyRequests.ComparisonRequest(
                r.objective(),
                r.optimizers(),
                r.schedule(),
                r.initialPoint(),
                r.iterations(),
                r.stopping(),
                r.gradientClipNorm(),
                r.gradientNoise(),
                r.record(),
                r.seed(),
                r.tune(),
                r.width(),
                r.height());
    }

    private static Trace trace(StudyResponses.LabeledRun labeled) {
        RunResponse run = labeled.run();
        RunResponse.Path path = run.path();
        return new Trace(
                labeled.label(),
                run.status(),
                run.iterations(),
                run.finalLoss() == null ? Double.NaN : run.finalLoss(),
                path.iterations(),
                path.points().rows(),
                path.losses());
    }

    /** The landscape under the paths: the requested window, or the domain widened to hold the start. */
    private Field landscape(PlotRequest request, Objective objective, int width, int height) {
        StudyRequests.Bounds bounds = request.bounds();
        if (bounds == null) {
            Domain domain = objective.domain() != null ? objective.domain() : Domain.square(3);
            double[] start = request.initialPoint() != null ? request.initialPoint() : objective.defaultInitialPoint();
            double xMin = Math.min(domain.xMin(), start[0]);
            double xMax = Math.max(domain.xMax(), start[0]);
            double yMin = Math.min(domain.yMin(), start[1]);
            double yMax = Math.max(domain.yMax(), start[1]);
            if (xMin < domain.xMin() || xMax > domain.xMax() || yMin < domain.yMin() || yMax > domain.yMax()) {
                double padX = (xMax - xMin) * 0.05;
                double padY = (yMax - yMin) * 0.05;
                xMin -= start[0] < domain.xMin() ? padX : 0;
                xMax += start[0] > domain.xMax() ? padX : 0;
                yMin -= start[1] < domain.yMin() ? padY : 0;
                yMax += start[1] > domain.yMax() ? padY : 0;
            }
            bounds = new StudyRequests.Bounds(xMin, xMax, yMin, yMax);
        }
        int resolution = Math.max(
                40, Math.min(Math.min(200, limitsProperties.maxLandscapeResolution()), Math.max(width, height) / 5));
        StudyResponses.LandscapeResponse landscape = studies.prepareLandscape(
                        new StudyRequests.LandscapeRequest(request.objective(), bounds, resolution, null))
                .run(() -> false, progress -> {});
        return new Field(landscape.x(), landscape.y(), landscape.values());
    }

    private byte[] sweep(PlotRequest request, int width, int height, ContourLevels.Spacing spacing) {
        if (request.optimizers() != null) {
            throw new InvalidSpecException(
                    "optimizers", "is for kinds paths and losses; a sweep takes one optimizer and a search");
        }
        if (request.tune() != null) {
            throw new InvalidSpecException("tune", "is for kinds paths and losses");
        }
        if (request.optimizer() == null) {
            throw new InvalidSpecException("optimizer", "is required for kind sweep");
        }
        if (request.search() == null) {
            throw new InvalidSpecException("search", "is required for kind sweep: a grid over two parameters");
        }
        Map<String, List<Object>> grid = request.search().grid();
        if (grid == null
                || grid.size() != 2
                || request.search().random() != null
                || request.search().halving() != null) {
            throw new InvalidSpecException(
                    "search.grid",
                    "a heatmap needs a grid search over exactly two parameters"
                            + (grid == null ? "" : ", had " + grid.size()));
        }
        StudyResponses.SweepResponse response = studies.prepareSweep(new StudyRequests.SweepRequest(
                        request.objective(),
                        request.optimizer(),
                        request.schedule(),
                        request.initialPoint(),
                        request.iterations(),
                        request.stopping(),
                        request.gradientClipNorm(),
                        request.gradientNoise(),
                        request.record(),
                        request.seed(),
                        request.search()))
                .run(() -> false, progress -> {});
        StudyResponses.Grid result = response.grid();
        StudyResponses.Axis first = result.axes().get(0);
        StudyResponses.Axis second = result.axes().get(1);
        Map<Map<String, Object>, String> statusOf = new HashMap<>();
        for (StudyResponses.Trial trial : response.trials()) {
            statusOf.put(trial.parameters(), trial.status());
        }
        int nx = first.values().size();
        int ny = second.values().size();
        String[][] statuses = new String[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                Map<String, Object> key = new LinkedHashMap<>();
                key.put(first.parameter(), first.values().get(i));
                key.put(second.parameter(), second.values().get(j));
                statuses[i][j] = statusOf.get(key);
            }
        }
        RunPlan.BoundObjective bound = RunPlan.objective(request.objective(), limits);
        String optimizerName = String.valueOf(request.optimizer().get("name"));
        String title = request.title() != null
                ? request.title()
                : optimizerName + " on " + describe(bound.resolved()) + ": final loss after "
                        + count(iterations(request), "iteration");
        return new SweepHeatmap(
                        title,
                        width,
                        height,
                        first.parameter(),
                        first.values(),
                        second.parameter(),
                        second.values(),
                        result.matrix(),
                        statuses,
                        startLoss(response),
                        spacing)
                .render();
    }

    /** f at the start point: the first recorded loss of the best trial's full run. */
    private static double startLoss(StudyResponses.SweepResponse response) {
        double[] losses = response.best().run().path().losses();
        return losses.length == 0 ? Double.NaN : losses[0];
    }

    private static int iterations(PlotRequest request) {
        return request.iterations() == null ? 1000 : request.iterations();
    }

    private static String count(int n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** "Rosenbrock (a = 1, b = 100)": the catalog's title and the scalar parameters. */
    static String describe(Map<String, Object> resolved) {
        String name = String.valueOf(resolved.get("name"));
        String title = Objectives.find(name).map(kind -> kind.entry().title()).orElse(name);
        List<String> parameters = new ArrayList<>();
        resolved.forEach((key, value) -> {
            if (key.equals("name") || key.equals("variables")) {
                return;
            }
            if (key.equals("dimension") && Integer.valueOf(2).equals(value)) {
                return;
            }
            if (value instanceof Number number) {
                double v = number.doubleValue();
                parameters.add(key + " = "
                        + (v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v)));
            } else if (value instanceof String || value instanceof Boolean) {
                parameters.add(key + " = " + value);
            }
        });
        return parameters.isEmpty() ? title : title + " (" + String.join(", ", parameters) + ")";
    }

    /** The coordinates' names: an expression's own variables, else x and y. */
    private static String[] axisNames(Map<String, Object> resolved) {
        if (resolved.get("variables") instanceof List<?> variables && variables.size() == 2) {
            return new String[] {String.valueOf(variables.get(0)), String.valueOf(variables.get(1))};
        }
        return new String[] {"x", "y"};
    }
}
