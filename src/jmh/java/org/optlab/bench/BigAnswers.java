package org.optlab.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.Map;
import org.optlab.api.RunCsvConverter;
import org.optlab.api.RunResponse;
import org.optlab.compute.Limits;
import org.optlab.compute.run.RunPlan;
import org.optlab.compute.run.RunReport;
import org.optlab.compute.run.RunRequestData;
import org.optlab.config.NonFiniteAsNullModule;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run of 10⁶ Adam iterations on 2-D Rosenbrock with every iterate recorded, written as JSON (the
 * service's mapper settings) and as CSV ({@link RunCsvConverter}) into a stream that discards the
 * bytes. Measures, for each format:
 *
 * <ul>
 *   <li>heap growth during the response: the live heap (after a full GC) sampled every 8 MB of
 *       output, and once the response object is built, minus the live heap once the run is over
 *       (the recorded path itself, which the response must hold, is reported apart);
 *   <li>throughput in MB/s, and the bytes the writing thread allocates (short-lived garbage, mostly
 *       the formatted numbers), on separate passes without the GCs.
 * </ul>
 *
 * <p>{@code java -cp … org.optlab.bench.BigAnswers [iterations] [passes]}; prints one line per
 * format, {@code key=value} separated by spaces.
 */
public final class BigAnswers {

    private static final long SAMPLE_EVERY = 8L << 20;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private BigAnswers() {}

    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Limits limits = new Limits(iterations, 2, iterations + 2, 2L * (iterations + 2), 600_000);
        RunPlan plan = RunPlan.prepare(
                new RunRequestData(
                        Map.of("name", "rosenbrock"),
                        Map.of("name", "adam", "learningRate", 1e-3),
                        null, null, iterations, null, null, null, null, null, null, 1, null),
                limits);
        // The service's JSON output settings (JsonConfiguration): Schubfach and non-finite as null.
        JsonMapper json = JsonMapper.builder()
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .addModule(new NonFiniteAsNullModule())
                .build();
        RunCsvConverter csv = new RunCsvConverter();

        long before = liveHeap();
        RunReport report = plan.execute(() -> false);
        long afterRun = liveHeap();
        System.out.printf(
                Locale.ROOT,
                "run iterations=%d points=%d path_mb=%.1f%n",
                iterations,
                report.trajectory().size(),
                (afterRun - before) / 1e6);

        for (String format : new String[] {"json", "csv"}) {
            Writer writer = format.equals("json")
                    ? (response, out) -> json.writeValue(out, response)
                    : (response, out) -> csv.write(response, MediaType.parseMediaType("text/csv"), message(out));
            // Heap pass: the response is built, then written into a stream that samples the live heap.
            long base = liveHeap();
            RunResponse response = RunResponse.of(report, plan);
            Sink sampling = new Sink(true);
            sampling.peak = liveHeap();
            writer.write(response, sampling);
            long growth = Math.max(0, sampling.peak - base);
            response = null;

            double best = Double.MAX_VALUE;
            long bytes = 0;
            long allocated = 0;
            for (int pass = 0; pass < passes; pass++) {
                long allocatedBefore = allocatedBytes();
                long start = System.nanoTime();
                RunResponse timed = RunResponse.of(report, plan);
                Sink sink = new Sink(false);
                writer.write(timed, sink);
                double seconds = (System.nanoTime() - start) / 1e9;
                allocated = allocatedBytes() - allocatedBefore;
                bytes = sink.count;
                best = Math.min(best, seconds);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s bytes=%d heap_growth_mb=%.1f seconds=%.3f mb_per_s=%.1f allocated_mb=%.1f%n",
                    format,
                    bytes,
                    growth / 1e6,
                    best,
                    bytes / best / 1e6,
                    allocated / 1e6);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(RunResponse response, OutputStream out) throws IOException;
    }

    private static HttpOutputMessage message(OutputStream body) {
        HttpHeaders headers = new HttpHeaders();
        return new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Heap in use after a full collection: what is live. */
    private static long liveHeap() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Counts and discards what is written; when sampling, records the live heap every 8 MB. */
    private static final class Sink extends OutputStream {
        private final boolean sampling;
        private long count;
        private long nextSample = SAMPLE_EVERY;
        long peak;

        Sink(boolean sampling) {
            this.sampling = sampling;
        }

        @Override
        public void write(int b) {
            count(1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count(length);
        }

        private void count(int n) {
            count += n;
            if (sampling && count >= nextSample) {
                nextSample += SAMPLE_EVERY;
                peak = Math.max(peak, liveHeap());
            }
        }
    }
}
