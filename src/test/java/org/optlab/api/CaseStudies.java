package org.optlab.api;

import java.util.Locale;
import org.optlab.compute.ComputePool;
import org.optlab.config.ComputeProperties;
import org.optlab.config.LimitsProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the case studies of {@code docs/case-studies.md} through the same request binding and
 * service that {@code POST /api/v1/comparisons} and {@code /runs} use (no HTTP), with the server's
 * default limits, and prints the tables. Not a test: run it with
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.optlab.api.CaseStudies [digits|moons|noise]…
 * </pre>
 *
 * Each block's first line is the request body; then one row per optimizer.
 */
public final class CaseStudies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StudyService service;

    private CaseStudies(StudyService service) {
        this.service = service;
    }

    public static void main(String[] args) {
        LimitsProperties limits =
                new LimitsProperties(1_000_000, 10_000, 100_000, 5_000_000, 30_000, 1_048_576, 10_000, 500, 1000, 3600);
        ComputeProperties compute = new ComputeProperties(0, 64, 1);
        try (ComputePool pool = new ComputePool(compute.effectiveWorkers(), compute.queueCapacity())) {
            CaseStudies studies = new CaseStudies(new StudyService(limits.toLimits(), limits, pool, compute));
            for (String arg : args) {
                String body = arg.startsWith("{") ? arg : readFile(arg);
                if (body.contains("\"optimizers\"")) {
                    studies.comparison(body);
                } else {
                    studies.run(body);
                }
            }
        }
    }

    private static String readFile(String path) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One run request: prints a row and, with -Dpaths=true, its path. */
    void run(String body) {
        RunRequest request = JSON.readValue(body, RunRequest.class);
        RunResponse run = service.prepareRun(request).run(() -> false, progress -> {});
        System.out.println("REQUEST " + body.replaceAll("\\s+", " "));
        printRow(String.valueOf(request.optimizer().get("name")), "", run, request.iterations() / 10);
        System.out.println();
    }

    private static void printRow(String label, String tuned, RunResponse run, int early) {
        RunResponse.Path path = run.path();
        int index = -1;
        for (int i = 0; i < path.iterations().length; i++) {
            if (path.iterations()[i] == early) {
                index = i;
            }
        }
        RunResponse.Training training = run.training();
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f |%n",
                label,
                tuned,
                run.status(),
                index < 0 ? "–" : fmt(path.losses()[index]),
                index < 0 || path.validationAccuracies() == null ? "–" : pct(path.validationAccuracies()[index]),
                fmt(run.finalLoss()),
                fmt(training.finalValidationLoss()),
                pct(training.finalTrainAccuracy()),
                pct(training.finalValidationAccuracy()),
                training.epochs());
        if (run.parallel() != null) {
            org.optlab.compute.run.ParallelSummary parallel = run.parallel();
            System.out.printf(
                    Locale.ROOT,
                    "    parallel: %d workers, %s, effective batch %d, samples seen %d, staleness mean %s max %s%n",
                    parallel.workers(),
                    parallel.mode(),
                    parallel.effectiveBatchSize(),
                    parallel.samplesSeen(),
                    parallel.staleness() == null
                            ? "–"
                            : String.format(
                                    Locale.ROOT, "%.3f", parallel.staleness().mean()),
                    parallel.staleness() == null
                            ? "–"
                            : String.valueOf(parallel.staleness().max()));
        }
        if (Boolean.getBoolean("paths")) {
            for (int i = 0; i < path.iterations().length; i++) {
                System.out.printf(
                        Locale.ROOT,
                        "    t=%d train %.4f val %.4f trainAcc %s valAcc %s%n",
                        path.iterations()[i],
                        path.losses()[i],
                        path.validationLosses()[i],
                        path.trainAccuracies() == null ? "-" : pct(path.trainAccuracies()[i]),
                        path.validationAccuracies() == null ? "-" : pct(path.validationAccuracies()[i]));
            }
        }
    }

    /** One comparison request: prints its tuning choices and a row per optimizer. */
    void comparison(String body) {
        StudyRequests.ComparisonRequest request = JSON.readValue(body, StudyRequests.ComparisonRequest.class);
        long start = System.nanoTime();
        StudyResponses.ComparisonResponse response =
                service.prepareComparison(request).run(() -> false, progress -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("REQUEST " + body.replaceAll("\\s+", " "));
        System.out.printf(Locale.ROOT, "wall %.1f s%n", seconds);
        int early = request.iterations() / 10;
        System.out.printf(
                Locale.ROOT,
                "| optimizer | tuned | status | train loss @%d | val acc @%d | final train loss | final val loss | final train acc | final val acc | epochs |%n",
                early,
                early);
        for (StudyResponses.LabeledRun labeled : response.results()) {
            String tuned =
                    labeled.tuning() == null ? "" : labeled.tuning().chosen().toString();
            printRow(labeled.label(), tuned, labeled.run(), early);
        }
        System.out.println();
    }

    private static String fmt(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String pct(Double value) {
        return value == null || value.isNaN() ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }
}
