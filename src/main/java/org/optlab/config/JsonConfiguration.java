package org.optlab.config;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper's strictness: unknown properties, trailing tokens, duplicate keys, nulls for
 * primitives, fractional numbers for integers and strings for numbers are all rejected (a typo or a
 * quoted number must never be silently accepted); non-finite numbers are written as null, and
 * doubles are formatted with Schubfach (the shortest digits that read back to the same double).
 *
 * <p>The parser's limits ({@code optlab.json.*}: nesting depth, number, string and name lengths)
 * belong to the stream factory, which a Jackson 3 mapper builder fixes when it is created; so the
 * builder is made here, on a factory with those limits, and Boot's customizers (this class's
 * included) are applied to it as Boot's own builder would.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JsonLimitsProperties.class)
public class JsonConfiguration {

    @Bean
    @Scope("prototype")
    JsonMapper.Builder optlabJsonMapperBuilder(
            JsonLimitsProperties limits, List<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits.toConstraints())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Schubfach instead of Double.toString: a run's path is thousands of doubles, and
                // formatting them was most of a response's time (see BENCHMARKS.md, "The service").
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .addModule(new NonFiniteAsNullModule());
    }
}
