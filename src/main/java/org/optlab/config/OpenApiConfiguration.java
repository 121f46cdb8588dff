package org.optlab.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.optlab.compute.objective.Objectives;
import org.optlab.compute.optimizer.OptimizerKind;
import org.optlab.compute.optimizer.Optimizers;
import org.optlab.compute.param.CatalogEntry;
import org.optlab.compute.param.ParameterSpec;
import org.optlab.compute.schedule.Schedules;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document. The optimizer, objective and schedule specs are free-form maps in Java; their
 * schemas are generated here from the same catalog entries that drive validation, one schema per
 * name with a {@code name} discriminator, so that clients see every name as an enum and every
 * parameter with its type, default and bounds.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI optlabOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("optlab")
                        .version("v1")
                        .description("An optimizer laboratory: run SGD, momentum, Nesterov, Adagrad, RMSProp, Adam and "
                                + "AdamW on test functions and get paths that match torch.optim to rounding. Errors "
                                + "are RFC 9457 problems (application/problem+json).")
                        .license(new License().name("Apache-2.0")));
    }

    @Bean
    OpenApiCustomizer catalogSchemas() {
        return openApi -> {
            Components components = openApi.getComponents();
            if (components == null) {
                return;
            }
            addFamily(components, "OptimizerSpec", "Optimizer", entries(Optimizers.all(), k -> k.entry()));
            addFamily(components, "ObjectiveSpec", "Objective", entries(Objectives.all(), k -> k.entry()));
            addFamily(components, "ScheduleSpec", "Schedule", entries(Schedules.all(), k -> k.entry()));
            @SuppressWarnings("rawtypes")
            Map<String, Schema> schemas = components.getSchemas();
            Optimizers.all().forEach(kind -> completeOptimizer(schemas.get("Optimizer_" + kind.name()), kind));
            for (String request : List.of("RunRequest", "ComparisonRequest", "SweepRequest", "LandscapeRequest")) {
                Schema<?> schema = schemas.get(request);
                if (schema == null || schema.getProperties() == null) {
                    continue;
                }
                refer(schema, "objective", "ObjectiveSpec");
                refer(schema, "optimizer", "OptimizerSpec");
                refer(schema, "schedule", "ScheduleSpec");
                Schema<?> optimizers = schema.getProperties().get("optimizers");
                if (optimizers != null) {
                    Schema<Object> labelled = new Schema<>();
                    labelled.allOf(List.of(
                            new Schema<>().$ref("#/components/schemas/OptimizerSpec"),
                            typed("object")
                                    .addProperty(
                                            "label",
                                            typed("string")
                                                    .description("A name for the results "
                                                            + "(default: the optimizer's name)."))));
                    optimizers.setItems(labelled);
                }
            }
        };
    }

    /**
     * Adds what the catalog entry alone does not say: the convention switch, the parameters that
     * exist only under optax's convention, and nested optimizer specs of composites.
     */
    private static void completeOptimizer(Schema<?> schema, OptimizerKind kind) {
        if (schema == null) {
            return;
        }
        if (!kind.nestedOptimizers().isEmpty()) {
            for (String nested : kind.nestedOptimizers()) {
                schema.addProperty(nested, new Schema<>().$ref("#/components/schemas/OptimizerSpec"));
                schema.addRequiredItem(nested);
            }
            return;
        }
        schema.addProperty(
                "convention",
                typed("string")
                        ._enum(new ArrayList<>(List.of("pytorch", "optax")))
                        .description(
                                "Whose rule and defaults to follow where PyTorch and optax differ (default pytorch)."));
        Optimizers.optaxVariant(kind.name()).ifPresent(optax -> {
            for (ParameterSpec parameter : optax.entry().parameters()) {
                if (schema.getProperties().containsKey(parameter.name())) {
                    continue;
                }
                Schema<Object> extra = schemaOf(parameter);
                extra.description("With convention optax only: " + extra.getDescription());
                schema.addProperty(parameter.name(), extra);
            }
        });
    }

    private static <K> List<CatalogEntry> entries(Collection<K> kinds, Function<K, CatalogEntry> entry) {
        return kinds.stream().map(entry).toList();
    }

    private static void refer(Schema<?> owner, String property, String target) {
        Schema<?> old = owner.getProperties().get(property);
        Schema<Object> ref = new Schema<>().$ref("#/components/schemas/" + target);
        if (old != null && old.getDescription() != null) {
            ref.description(old.getDescription());
        }
        owner.getProperties().put(property, ref);
    }

    private static void addFamily(Components components, String familyName, String prefix, List<CatalogEntry> entries) {
        Schema<Object> family = new Schema<>();
        Discriminator discriminator = new Discriminator().propertyName("name");
        List<Schema> oneOf = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            String schemaName = prefix + "_" + entry.name();
            components.addSchemas(schemaName, schemaOf(entry));
            discriminator.mapping(entry.name(), "#/components/schemas/" + schemaName);
            oneOf.add(new Schema<>().$ref("#/components/schemas/" + schemaName));
        }
        family.oneOf(oneOf);
        family.discriminator(discriminator);
        family.description("One of: "
                + String.join(", ", entries.stream().map(CatalogEntry::name).toList())
                + ". Parameters are flat fields beside name.");
        components.addSchemas(familyName, family);
    }

    private static Schema<Object> schemaOf(CatalogEntry entry) {
        Schema<Object> schema = typed("object");
        schema.title(entry.title());
        schema.description(entry.description() + " Rule: " + entry.rule() + " Reference: " + entry.reference() + "."
                + (entry.conventions().isEmpty() ? "" : " Conventions: " + entry.conventions()));
        schema.addProperty("name", typed("string")._enum(List.of(entry.name())));
        schema.addRequiredItem("name");
        for (ParameterSpec parameter : entry.parameters()) {
            schema.addProperty(parameter.name(), schemaOf(parameter));
            if (parameter.required()) {
                schema.addRequiredItem(parameter.name());
            }
        }
        schema.additionalProperties(false);
        return schema;
    }

    private static Schema<Object> schemaOf(ParameterSpec parameter) {
        Schema<Object> schema = switch (parameter.type()) {
            case NUMBER -> typed("number");
            case INTEGER -> typed("integer");
            case BOOLEAN -> typed("boolean");
            case CHOICE -> typed("string")._enum(new ArrayList<>(parameter.choices()));
            case STRING -> typed("string");
            case STRING_LIST -> typed("array").items(typed("string"));
            case VECTOR -> typed("array").items(typed("number"));
            case MATRIX -> typed("array").items(typed("array").items(typed("number")));
            case OBJECT -> typed("object");
        };
        String description = parameter.description();
        if (parameter.defaultNote() != null) {
            description += " Default: " + parameter.defaultNote() + ".";
        }
        schema.description(description);
        if (parameter.defaultValue() != null) {
            schema.setDefault(parameter.defaultValue());
        }
        if (parameter.minimum() != null) {
            BigDecimal bound = BigDecimal.valueOf(parameter.minimum());
            if (parameter.exclusiveMinimum()) {
                schema.exclusiveMinimumValue(bound);
            } else {
                schema.minimum(bound);
            }
        }
        if (parameter.maximum() != null) {
            BigDecimal bound = BigDecimal.valueOf(parameter.maximum());
            if (parameter.exclusiveMaximum()) {
                schema.exclusiveMaximumValue(bound);
            } else {
                schema.maximum(bound);
            }
        }
        return schema;
    }

    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.type(type);
        schema.addType(type);
        return schema;
    }
}
