package org.optlab.api;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a run's path as CSV: {@code iteration,x0,…,x{n-1},loss,gradient_norm,learning_rate}, one
 * row per recorded iterate. Non-finite values are empty fields, as JSON writes them as null.
 */
public class RunCsvConverter extends AbstractHttpMessageConverter<RunResponse> {

    public static final String TEXT_CSV_VALUE = "text/csv";

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
        int dimension = run.finalPoint().length;
        Writer out = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        out.write("iteration");
        for (int j = 0; j < dimension; j++) {
            out.write(",x" + j);
        }
        out.write(",loss,gradient_norm,learning_rate\n");
        for (int i = 0; i < path.iterations().length; i++) {
            out.write(Integer.toString(path.iterations()[i]));
            for (double coordinate : path.points()[i]) {
                field(out, coordinate);
            }
            field(out, path.losses()[i]);
            field(out, path.gradientNorms()[i]);
            field(out, path.learningRates()[i]);
            out.write('\n');
        }
        out.flush();
    }

    private static void field(Writer out, double value) throws IOException {
        out.write(',');
        if (Double.isFinite(value)) {
            out.write(Double.toString(value));
        }
    }
}
