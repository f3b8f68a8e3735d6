package no.bosetting.statistics.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import no.bosetting.access.CurrentActor;
import no.bosetting.cases.SettlementTarget;
import no.bosetting.statistics.StatisticsQueries;
import no.bosetting.shared.export.TableExport;
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
 * Statistics for signed-in staff ({@code /statistikk}) and for everyone ({@code /offentlig/statistikk}).
 * Only agency staff see unsuppressed breakdowns and the long-waiting list; everyone else, including
 * the public, gets the small-cell rule.
 */
@Controller
class StatisticsWebController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final int LONG_WAITING_SHOWN = 200;

    private final StatisticsView view;
    private final StatisticsQueries queries;

    public StatisticsWebController(StatisticsView view, StatisticsQueries queries) {
        this.view = view;
        this.queries = queries;
    }

    private static boolean agency() {
        return CurrentActor.find().map(a -> a.isAgency()).orElse(false);
    }

    @GetMapping("/statistikk")
    String staff(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kart,
                 @RequestParam Map<String, String> query, Model model) {
        int y = queries.yearOrCurrent(year);
        boolean agency = agency();
        view.populate(model, y, !agency, StatisticsView.MapMode.of(kart));
        MunicipalityTable.page(model, query);
        model.addAttribute("publicView", false);
        model.addAttribute("exportBase", "/statistikk/eksport/");
        if (agency) {
            model.addAttribute("longWaiting", queries.longWaiting(LONG_WAITING_SHOWN));
            model.addAttribute("longWaitingCount", queries.longWaitingCount());
            model.addAttribute("reunified", queries.reunifiedByCounty(y));
            model.addAttribute("targetMonthsPriority", SettlementTarget.PRIORITY_MONTHS);
            model.addAttribute("targetMonthsOther", SettlementTarget.OTHER_MONTHS);
        }
        return "statistics/page";
    }

    @GetMapping("/offentlig/statistikk")
    String publicPage(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kart,
                      @RequestParam Map<String, String> query, Model model) {
        view.populate(model, queries.yearOrCurrent(year), true, StatisticsView.MapMode.of(kart));
        MunicipalityTable.page(model, query);
        model.addAttribute("publicView", true);
        model.addAttribute("exportBase", "/offentlig/statistikk/eksport/");
        return "statistics/page";
    }

    @GetMapping("/statistikk/eksport/{table}.csv")
    ResponseEntity<byte[]> staffCsv(@PathVariable String table, @RequestParam(required = false) Integer year) {
        return csv(table, queries.yearOrCurrent(year), !agency());
    }

    @GetMapping("/statistikk/eksport/{table}.xlsx")
    ResponseEntity<byte[]> staffXlsx(@PathVariable String table, @RequestParam(required = false) Integer year) {
        return xlsx(table, queries.yearOrCurrent(year), !agency());
    }

    @GetMapping("/offentlig/statistikk/eksport/{table}.csv")
    ResponseEntity<byte[]> publicCsv(@PathVariable String table, @RequestParam(required = false) Integer year) {
        return csv(table, queries.yearOrCurrent(year), true);
    }

    @GetMapping("/offentlig/statistikk/eksport/{table}.xlsx")
    ResponseEntity<byte[]> publicXlsx(@PathVariable String table, @RequestParam(required = false) Integer year) {
        return xlsx(table, queries.yearOrCurrent(year), true);
    }

    private ResponseEntity<byte[]> csv(String name, int year, boolean suppress) {
        TableExport.Table table = find(name, year, suppress);
        return download(TableExport.csv(table).getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv", StandardCharsets.UTF_8),
                name + "-" + year + ".csv", view.asOf(year, suppress));
    }

    private ResponseEntity<byte[]> xlsx(String name, int year, boolean suppress) {
        return download(TableExport.xlsx(find(name, year, suppress)), XLSX, name + "-" + year + ".xlsx", view.asOf(year, suppress));
    }

    private TableExport.Table find(String name, int year, boolean suppress) {
        TableExport.Table table = StatisticsView.TABLES.contains(name) ? view.table(name, year, suppress) : null;
        if (table == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return table;
    }

    /** An export of the kept figures; {@code Last-Modified} is when they were computed. */
    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename, java.time.Instant asOf) {
        return ResponseEntity.ok().contentType(type).lastModified(asOf)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
