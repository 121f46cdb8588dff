package org.optlab.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.io.NumberOutput;

/**
 * Writes a run's path as CSV: {@code iteration,x0,…,x{n-1},loss,gradient_norm,learning_rate}, one
 * row per recorded iterate. Non-finite values are empty fields, as JSON writes them as null.
 * Numbers are formatted as the JSON is (Schubfach, the shortest digits that read back to the same
 * double), and rows are written as they are formatted, so a path of a million points streams.
 */
public class RunCsvConverter extends AbstractHttpMessageConverter<RunResponse> {

    public static final String TEXT_CSV_VALUE = "text/csv";

    /** Bytes gathered before each write to the response. */
    private static final int CHUNK = 8192;

    public RunCsvConverter() {
        super(StandardCharsets.UTF_8, MediaType.parseMediaType(TEXT_CSV_VALUE));
    }

    @Override
    protected boolean supports(Class<?> type) {
        return RunResponse.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected RunResponse readInternal(Class<? extends RunResponse> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV is an output format only", input);
    }

    @Override
    protected void writeInternal(RunResponse run, HttpOutputMessage output) throws IOException {
        RunResponse.Path path = run.path();
        PathPoints points = path.points();
        int dimension = run.finalPoint().length;
        Rows rows = new Rows(output.getBody());
        rows.text("iteration");
        for (int j = 0; j < dimension; j++) {
            rows.text(",x" + j);
        }
        rows.text(",loss,gradient_norm,learning_rate\n");
        int[] iterations = path.iterations();
        for (int i = 0; i < iterations.length; i++) {
            rows.text(Integer.toString(iterations[i]));
            for (int j = 0; j < dimension; j++) {
                rows.field(points.coordinate(i, j));
            }
            rows.field(path.losses()[i]);
            rows.field(path.gradientNorms()[i]);
            rows.field(path.learningRates()[i]);
            rows.newline();
        }
        rows.flush();
    }

    /** The CSV is ASCII: rows are gathered as bytes and written to the response in chunks. */
    private static final class Rows {
        private final OutputStream out;
        private final byte[] buffer = new byte[CHUNK];
        private int length;

        Rows(OutputStream out) {
            this.out = out;
        }

        void field(double value) throws IOException {
            put(',');
            if (Double.isFinite(value)) {
                text(NumberOutput.toString(value, true));
            }
        }

        void newline() throws IOException {
            put('\n');
        }

        void text(String ascii) throws IOException {
            if (length + ascii.length() > buffer.length) {
                drain();
            }
            for (int k = 0; k < ascii.length(); k++) {
                buffer[length++] = (byte) ascii.charAt(k);
            }
        }

        private void put(char c) throws IOException {
            if (length == buffer.length) {
                drain();
            }
            buffer[length++] = (byte) c;
        }

        private void drain() throws IOException {
            out.write(buffer, 0, length);
            length = 0;
        }

        void flush() throws IOException {
            drain();
            out.flush();
        }
    }
}
