package org.optlab.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.optlab.compute.objective.Objectives;
import org.optlab.compute.optimizer.Optimizers;
import org.optlab.compute.schedule.Schedules;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog: every optimizer, objective and schedule with its parameters. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalog", description = "What optlab can run, with every parameter's type, default and bounds.")
public class CatalogController {

    private final List<CatalogView.Entry> optimizers = Optimizers.all().stream()
            .map(kind -> CatalogView.Entry.of(kind.entry()))
            .toList();
    private final List<CatalogView.Entry> schedules = Schedules.all().stream()
            .map(kind -> CatalogView.Entry.of(kind.entry()))
            .toList();
    private final List<CatalogView.ObjectiveEntry> objectives =
            Objectives.all().stream().map(CatalogView.ObjectiveEntry::of).toList();

    @GetMapping("/optimizers")
    @Operation(
            summary = "List the optimizers",
            description = "Each with its update rule, reference, conventions "
                    + "and hyperparameters (type, default, bounds).")
    public List<CatalogView.Entry> optimizers() {
        return optimizers;
    }

    @GetMapping("/objectives")
    @Operation(
            summary = "List the objectives",
            description = "Each with its formula, parameters, dimension, "
                    + "default start, plotting domain and known optimum.")
    public List<CatalogView.ObjectiveEntry> objectives() {
        return objectives;
    }

    @GetMapping("/schedules")
    @Operation(summary = "List the learning-rate schedules", description = "Each with its closed form and parameters.")
    public List<CatalogView.Entry> schedules() {
        return schedules;
    }
}
