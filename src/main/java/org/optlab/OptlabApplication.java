package org.optlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The optlab service: an optimizer laboratory over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OptlabApplication {

    public static void main(String[] args) {
        SpringApplication.run(OptlabApplication.class, args);
    }
}
