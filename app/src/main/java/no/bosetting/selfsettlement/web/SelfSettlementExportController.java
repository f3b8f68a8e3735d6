package no.bosetting.selfsettlement.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import no.bosetting.selfsettlement.SelfSettlementOverview;
import no.bosetting.shared.export.TableExport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The self-settlement statistics tables as CSV and XLSX, with the same small-cell suppression as the page. */
@Controller
class SelfSettlementExportController {

    static final List<String> TABLES = List.of("utfall", "avslagsgrunner", "bosettingsformer");
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SelfSettlementOverview overview;
    private final MessageSource messages;
    private final Clock clock;

    SelfSettlementExportController(SelfSettlementOverview overview, MessageSource messages, Clock clock) {
        this.overview = overview;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/statistikk/selvbosetting/eksport/{table}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam(required = false) Integer year) {
        int y = year(year);
        return download(TableExport.csv(table(table, y)).getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "csv", StandardCharsets.UTF_8), "selvbosetting-" + table + "-" + y + ".csv");
    }

    @GetMapping("/statistikk/selvbosetting/eksport/{table}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String table, @RequestParam(required = false) Integer year) {
        int y = year(year);
        return download(TableExport.xlsx(table(table, y)), XLSX, "selvbosetting-" + table + "-" + y + ".xlsx");
    }

    private int year(Integer year) {
        int thisYear = LocalDate.now(clock).getYear();
        return year == null || year < thisYear - 10 || year > thisYear + 1 ? thisYear : year;
    }

    TableExport.Table table(String name, int year) {
        List<List<Object>> rows = new ArrayList<>();
        switch (name) {
            case "utfall" -> {
                overview.byOutcome(year).forEach(c -> rows.add(row(text("selfsettlement.status." + c.key()), c.count())));
                return new TableExport.Table(name, List.of(text("selfsettlement.field.status"), text("selfsettlement.statistics.requests")), rows);
            }
            case "avslagsgrunner" -> {
                overview.byRefusalReason(year).forEach(c -> rows.add(row(text("selfsettlement.reason." + c.key()), c.count())));
                return new TableExport.Table(name, List.of(text("selfsettlement.field.refusalReason"), text("selfsettlement.statistics.requests")), rows);
            }
            case "bosettingsformer" -> {
                overview.variants(year).forEach(v -> rows.add(row(v.municipalityNumber() == null ? "" : v.municipalityNumber(),
                        v.municipalityNumber() == null ? text("selfsettlement.statistics.national") : v.name(),
                        v.ordinary(), v.asb(), v.municipalityInitiated(), v.privateResidents(), v.total())));
                return new TableExport.Table(name, List.of(text("selfsettlement.export.number"), text("selfsettlement.field.municipality"),
                        text("selfsettlement.variant.ordinary"), text("selfsettlement.variant.asb"), text("selfsettlement.variant.initiated"),
                        text("selfsettlement.variant.private"), text("selfsettlement.variant.total")), rows);
            }
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A suppressed cell (null) is written as an empty cell, as in the other statistics exports. */
    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell);
        }
        return row;
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
