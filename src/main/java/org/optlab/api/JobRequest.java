package org.optlab.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/jobs}: a run, comparison or sweep request to run in the background. */
@Schema(description = "Long work in the background: the body of POST /runs, /comparisons or /sweeps under request.")
public record JobRequest(
        @NotNull @Schema(allowableValues = {"run", "comparison", "sweep"})
        String type,

        @NotNull @Schema(description = "The request body of the matching endpoint.", type = "object")
        JsonNode request) {}
