package org.optlab.compute.param;

import java.util.List;

/**
 * What the catalog says of one optimizer, schedule or objective.
 *
 * @param name the lower_snake_case name used in requests
 * @param title a short human title
 * @param description one paragraph on what it is and when it helps
 * @param rule the update rule or formula in plain math
 * @param reference the paper or library whose definition it follows
 * @param conventions where its conventions differ from other libraries', or an empty string
 * @param parameters its parameters in catalog order
 */
public record CatalogEntry(
        String name,
        String title,
        String description,
        String rule,
        String reference,
        String conventions,
        List<ParameterSpec> parameters) {

    public CatalogEntry {
        parameters = List.copyOf(parameters);
    }

    /** The parameter named {@code parameter}; fails fast on a typo in the catalog's own code. */
    public ParameterSpec parameter(String parameter) {
        return parameters.stream()
                .filter(p -> p.name().equals(parameter))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no parameter " + parameter));
    }
}
