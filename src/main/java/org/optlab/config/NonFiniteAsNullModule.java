package org.optlab.config;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes NaN and ±Infinity as JSON {@code null}, in scalars and in {@code double[]} and
 * {@code double[][]}: the contract never emits bare non-finite tokens, and Jackson's default writes
 * them as the strings "NaN" and "Infinity".
 */
public final class NonFiniteAsNullModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public NonFiniteAsNullModule() {
        super("optlab-non-finite-as-null");
        ValueSerializer<Double> scalar = new ValueSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator out, SerializationContext context) {
                write(value, out);
            }
        };
        addSerializer(Double.class, scalar);
        addSerializer(Double.TYPE, scalar);
        addSerializer(double[].class, new ValueSerializer<>() {
            @Override
            public void serialize(double[] values, JsonGenerator out, SerializationContext context) {
                writeArray(values, out);
            }
        });
        addSerializer(double[][].class, new ValueSerializer<>() {
            @Override
            public void serialize(double[][] rows, JsonGenerator out, SerializationContext context) {
                out.writeStartArray(rows, rows.length);
                for (double[] row : rows) {
                    writeArray(row, out);
                }
                out.writeEndArray();
            }
        });
    }

    static void write(double value, JsonGenerator out) {
        if (Double.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeNull();
        }
    }

    static void writeArray(double[] values, JsonGenerator out) {
        out.writeStartArray(values, values.length);
        // A run of equal values (a path's constant learning rate) is formatted once: formatting is
        // most of the cost of writing a path. The text is what writeNumber(double) writes with
        // USE_FAST_DOUBLE_WRITER.
        String text = null;
        long bits = 0;
        for (double value : values) {
            if (!Double.isFinite(value)) {
                out.writeNull();
                continue;
            }
            long valueBits = Double.doubleToRawLongBits(value);
            if (text == null || valueBits != bits) {
                text = NumberOutput.toString(value, true);
                bits = valueBits;
            }
            out.writeNumber(text);
        }
        out.writeEndArray();
    }
}
