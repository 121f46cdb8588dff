package org.optlab.config;

import java.util.List;
import org.optlab.api.RunCsvConverter;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Message converters: JSON and the CSV path only. springdoc brings Jackson 2 and its YAML, Smile
 * and CBOR formats onto the classpath, and Spring MVC would then accept request bodies in them that
 * bypass the strict Jackson 3 settings; they are removed so that such bodies get a 415.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private static final List<String> FOREIGN_SUBTYPES =
            List.of("yaml", "x-yaml", "cbor", "smile", "x-jackson-smile", "xml");

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(WebConfiguration::speaksForeignFormat);
        converters.add(0, new RunCsvConverter());
    }

    private static boolean speaksForeignFormat(HttpMessageConverter<?> converter) {
        for (MediaType type : converter.getSupportedMediaTypes()) {
            String subtype = type.getSubtype();
            if (FOREIGN_SUBTYPES.stream()
                    .anyMatch(foreign -> subtype.equals(foreign) || subtype.endsWith("+" + foreign))) {
                return true;
            }
        }
        return false;
    }
}
