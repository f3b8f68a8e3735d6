package no.bosetting.statistics.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import no.bosetting.shared.web.ApiProblemException;
import no.bosetting.statistics.PublishedStatistics;
import no.bosetting.statistics.StatisticsCache;
import no.bosetting.statistics.StatisticsQueries;
import no.bosetting.shared.export.TableExport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public, open statistics: aggregated numbers per municipality, no login, no personal data. The settled
 * persons are the published ones of {@link PublishedStatistics#suppressed}, the same cells the public page
 * and its exports withhold; a withheld count is null in JSON and an empty cell in CSV. The figures are those kept by
 * {@link StatisticsCache} (at most its maximum age old); {@code Last-Modified} says when they were computed.
 */
@RestController
class StatisticsApiController {

    private static final String PATH = "/api/v1/statistics/municipalities";
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final List<String> HEADERS = List.of("number", "name", "county", "requested", "decided", "settled");

    private final StatisticsQueries queries;
    private final StatisticsCache statistics;

    public StatisticsApiController(StatisticsQueries queries, StatisticsCache statistics) {
        this.queries = queries;
        this.statistics = statistics;
    }

    @Operation(summary = "Persons requested, decided and settled per municipality in a year (open data)")
    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<MunicipalityStatistic>> json(@RequestParam(required = false) Integer year) {
        StatisticsCache.Figures figures = figures(year);
        return ResponseEntity.ok().lastModified(figures.asOf()).body(rows(figures));
    }

    @Operation(summary = "The same as CSV (Accept: text/csv)")
    @GetMapping(value = PATH, produces = "text/csv")
    ResponseEntity<String> csvByAccept(@RequestParam(required = false) Integer year) {
        return csv(year);
    }

    @Operation(summary = "The same as CSV")
    @GetMapping(PATH + ".csv")
    ResponseEntity<String> csv(@RequestParam(required = false) Integer year) {
        StatisticsCache.Figures figures = figures(year);
        List<List<Object>> cells = rows(figures).stream()
                .map(r -> java.util.Arrays.<Object>asList(r.number(), r.name(), r.county(), r.requested(), r.decided(), r.settled())).toList();
        return ResponseEntity.ok().contentType(CSV).lastModified(figures.asOf()).body(TableExport.csv(new TableExport.Table("municipalities", HEADERS, cells)));
    }

    private StatisticsCache.Figures figures(Integer year) {
        try {
            return statistics.figures(queries.yearOrCurrent(year), true);
        } catch (StatisticsQueries.YearOutOfRange e) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static List<MunicipalityStatistic> rows(StatisticsCache.Figures figures) {
        return figures.tables().municipalities().stream()
                .map(r -> new MunicipalityStatistic(r.key(), r.name(), r.countyName(), r.requested(), r.decided(),
                        r.settled() < 0 ? null : r.settled())).toList();
    }
}
