package org.optlab.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.optlab.compute.objective.Domain;
import org.optlab.compute.objective.Objective;
import org.optlab.compute.objective.ObjectiveKind;
import org.optlab.compute.objective.Optimum;
import org.optlab.compute.optimizer.OptimizerKind;
import org.optlab.compute.optimizer.Optimizers;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;

/** What the catalog endpoints return, read off the compute core's own descriptions. */
final class CatalogView {

    private CatalogView() {}

    /** One parameter: type, default, bounds and meaning. Absent bounds and notes are null. */
    @Schema(name = "CatalogParameter")
    record Parameter(
            String name,

            @Schema(
                    description =
                            "number, integer, boolean, string, array of strings, array of numbers, array of arrays of numbers, object")
            String type,

            @Schema(description = "The default, or null when it is required or derived (see defaultNote).")
            Object defaultValue,

            @Schema(description = "How the default is derived when it is not a constant.")
            String defaultNote,

            Double minimum,
            Boolean exclusiveMinimum,
            Double maximum,
            Boolean exclusiveMaximum,

            @Schema(description = "The allowed values of a string parameter.")
            List<String> choices,

            boolean required,
            String description) {

        @com.fasterxml.jackson.annotation.JsonProperty("default")
        public Object defaultValue() {
            return defaultValue;
        }

        static Parameter of(ParameterSpec spec) {
            return new Parameter(
                    spec.name(),
                    spec.type().label(),
                    spec.defaultValue(),
                    spec.defaultNote(),
                    spec.minimum(),
                    spec.minimum() == null ? null : spec.exclusiveMinimum(),
                    spec.maximum(),
                    spec.maximum() == null ? null : spec.exclusiveMaximum(),
                    spec.choices().isEmpty() ? null : spec.choices(),
                    spec.required(),
                    spec.description());
        }
    }

    /** An optimizer or a schedule. */
    @Schema(name = "CatalogEntry")
    record Entry(
            String name,
            String title,
            String description,
            String rule,
            String reference,

            @Schema(description = "Where this rule's conventions differ from other libraries'.")
            String conventions,

            List<Parameter> parameters,

            @Schema(description = "Optimizers only: the nested optimizer specs a composite takes (first, then; inner).")
            List<String> nestedOptimizers,

            @Schema(
                    description = "Optimizers only: the rule and parameters under \"convention\": \"optax\", where "
                            + "they differ from PyTorch's; null where optax agrees.")
            Entry optax) {

        static Entry of(CatalogEntry entry) {
            return new Entry(
                    entry.name(),
                    entry.title(),
                    entry.description(),
                    entry.rule(),
                    entry.reference(),
                    entry.conventions(),
                    entry.parameters().stream().map(Parameter::of).toList(),
                    null,
                    null);
        }

        static Entry of(OptimizerKind kind) {
            Entry optax = Optimizers.optaxVariant(kind.name())
                    .map(variant -> of(variant.entry()))
                    .orElse(null);
            Entry plain = of(kind.entry());
            return new Entry(
                    plain.name(),
                    plain.title(),
                    plain.description(),
                    plain.rule(),
                    plain.reference(),
                    plain.conventions(),
                    plain.parameters(),
                    kind.nestedOptimizers(),
                    optax);
        }
    }

    /** An objective, with what a plot and a form need. */
    @Schema(name = "CatalogObjective")
    record ObjectiveEntry(
            String name,
            String title,
            String description,
            @Schema(description = "The formula.") String rule,
            String reference,
            List<Parameter> parameters,

            @Schema(description = "The dimension with default parameters.")
            int dimension,

            @Schema(description = "Whether the request may choose the dimension.")
            boolean variable,

            double[] defaultInitialPoint,

            @Schema(description = "The plotting window of a 2-D objective, else null.")
            Domain domain,

            @Schema(description = "Known global minimisers and the minimum with default parameters, or null.")
            RunResponse.OptimumView optimum) {

        static ObjectiveEntry of(ObjectiveKind kind) {
            CatalogEntry entry = kind.entry();
            Objective objective = kind.withDefaults();
            Optimum optimum = objective.optimum();
            return new ObjectiveEntry(
                    entry.name(),
                    entry.title(),
                    entry.description(),
                    entry.rule(),
                    entry.reference(),
                    entry.parameters().stream().map(Parameter::of).toList(),
                    objective.dimension(),
                    kind.variableDimension(),
                    objective.defaultInitialPoint(),
                    objective.domain(),
                    optimum == null ? null : new RunResponse.OptimumView(optimum.points(), optimum.loss()));
        }
    }
}
