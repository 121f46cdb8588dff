package org.optlab.config;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plot request's specs in the OpenAPI document: its objective, optimizer, schedule and
 * optimizers[] refer to the catalog-generated schemas, as the other requests' do, so that clients see
 * every name and parameter rather than free-form maps.
 */
@Configuration(proxyBeanMethods = false)
public class PlotOpenApiConfiguration {

    @Bean
    OpenApiCustomizer plotRequestSchema() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            @SuppressWarnings("rawtypes")
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            Schema<?> plot = schemas.get("PlotRequest");
            if (plot == null || plot.getProperties() == null) {
                return;
            }
            refer(plot, "objective", "ObjectiveSpec");
            refer(plot, "optimizer", "OptimizerSpec");
            refer(plot, "schedule", "ScheduleSpec");
            Schema<?> optimizers = plot.getProperties().get("optimizers");
            if (optimizers != null) {
                Schema<Object> label = new Schema<>();
                label.addType("string");
                label.description("A name for the legend (default: the optimizer's name).");
                Schema<Object> labelled = new Schema<>();
                labelled.addType("object");
                labelled.addProperty("label", label);
                optimizers.setItems(new Schema<>()
                        .allOf(List.of(new Schema<>().$ref("#/components/schemas/OptimizerSpec"), labelled)));
            }
        };
    }

    private static void refer(Schema<?> owner, String property, String target) {
        Schema<?> old = owner.getProperties().get(property);
        Schema<Object> ref = new Schema<>().$ref("#/components/schemas/" + target);
        if (old != null && old.getDescription() != null) {
            ref.description(old.getDescription());
        }
        owner.getProperties().put(property, ref);
    }
}
