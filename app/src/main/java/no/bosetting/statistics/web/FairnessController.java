package no.bosetting.statistics.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.cases.HouseholdType;
import no.bosetting.interview.HeavyCases;
import no.bosetting.shared.export.TableExport;
import no.bosetting.shared.web.Messages;
import no.bosetting.statistics.FairnessReport;
import no.bosetting.statistics.StatisticsQueries;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Fairness over time, for the agency only (per municipality and household type the cells are small, and the staff
 * statistics page shows such breakdowns unsuppressed to the agency only): the page and its CSV/XLSX exports.
 */
@Controller
class FairnessController {

    static final String BASE = "/statistikk/rettferdighet";
    static final List<String> TABLES = List.of("kommuner", "fylker");

    private final FairnessReport report;
    private final StatisticsQueries queries;
    private final Messages messages;

    FairnessController(FairnessReport report, StatisticsQueries queries, Messages messages) {
        this.report = report;
        this.queries = queries;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer kvartal, Model model) {
        int y = queries.yearOrCurrent(year);
        FairnessReport.Report r = report.report(y);
        int quarter = kvartal != null && r.quarters().contains(kvartal) ? kvartal
                : r.quarters().isEmpty() ? 0 : r.quarters().get(r.quarters().size() - 1);
        model.addAttribute("year", y);
        model.addAttribute("years", List.of(queries.currentYear() - 1, queries.currentYear()));
        model.addAttribute("quarter", quarter);
        model.addAttribute("quarters", r.quarters());
        model.addAttribute("types", HouseholdType.values());
        model.addAttribute("counties", r.counties().stream().filter(x -> x.quarter() == quarter).toList());
        model.addAttribute("municipalities", r.municipalities().stream().filter(x -> x.quarter() == quarter).toList());
        model.addAttribute("heavyFamily", HeavyCases.LARGE_FAMILY);
        return "statistics/fairness";
    }

    @GetMapping(BASE + "/eksport/{table}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam(required = false) Integer year) {
        int y = queries.yearOrCurrent(year);
        return download(TableExport.csv(table(table, y)).getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "csv", StandardCharsets.UTF_8), "rettferdighet-" + table + "-" + y + ".csv");
    }

    @GetMapping(BASE + "/eksport/{table}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String table, @RequestParam(required = false) Integer year) {
        int y = queries.yearOrCurrent(year);
        return download(TableExport.xlsx(table(table, y)), StatisticsWebController.XLSX, "rettferdighet-" + table + "-" + y + ".xlsx");
    }

    /** The report as an export table: one row per unit and quarter, shares and fill as fractions, waits in days. */
    TableExport.Table table(String name, int year) {
        if (!TABLES.contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        FairnessReport.Report r = report.report(year);
        boolean counties = name.equals("fylker");
        List<String> headers = new ArrayList<>();
        headers.add(messages.get(counties ? "fairness.county" : "fairness.municipality"));
        if (!counties) {
            headers.add(messages.get("fairness.number"));
            headers.add(messages.get("fairness.county"));
        }
        for (String key : List.of("fairness.quarter", "fairness.decided", "fairness.used", "fairness.fill", "fairness.heavy",
                "fairness.heavyShare", "fairness.placesShare")) {
            headers.add(messages.get(key));
        }
        for (HouseholdType t : HouseholdType.values()) {
            headers.add(messages.get("fairness.waitFor", messages.get("household." + t.name())));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (FairnessReport.Row row : counties ? r.counties() : r.municipalities()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.name());
            if (!counties) {
                cells.add(row.key());
                cells.add(row.countyName());
            }
            cells.add(row.quarter());
            cells.add(row.decided());
            cells.add(row.usedToEnd());
            cells.add(round(row.fill()));
            cells.add(row.heavyToEnd());
            cells.add(round(row.heavyShare()));
            cells.add(round(row.placesShare()));
            for (HouseholdType t : HouseholdType.values()) {
                Double d = row.waitDays().get(t);
                cells.add(d == null ? null : Math.round(d));
            }
            rows.add(cells);
        }
        return new TableExport.Table(messages.get("fairness.table." + name, String.valueOf(year)), headers, rows);
    }

    private static Double round(Double fraction) {
        return fraction == null ? null : Math.round(fraction * 10000) / 10000.0;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
