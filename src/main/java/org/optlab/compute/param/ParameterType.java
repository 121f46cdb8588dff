package org.optlab.compute.param;

/** The JSON shape a parameter takes. */
public enum ParameterType {
    NUMBER("number"),
    INTEGER("integer"),
    BOOLEAN("boolean"),
    CHOICE("string"),
    STRING("string"),
    STRING_LIST("array of strings"),
    VECTOR("array of numbers"),
    MATRIX("array of arrays of numbers"),
    /** A nested JSON object, checked by the objective that takes it (a data set's description). */
    OBJECT("object");

    private final String label;

    ParameterType(String label) {
        this.label = label;
    }

    /** How the catalog and error messages name the type. */
    public String label() {
        return label;
    }
}
