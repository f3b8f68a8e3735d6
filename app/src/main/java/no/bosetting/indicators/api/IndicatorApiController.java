package no.bosetting.indicators.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.CurrentActor;
import no.bosetting.indicators.Indicator;
import no.bosetting.indicators.IndicatorCsvImport;
import no.bosetting.indicators.IndicatorValue;
import no.bosetting.indicators.IndicatorValues;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.api.ApiDocumentation;
import no.bosetting.shared.api.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Indicator tables per municipality: import a CSV file (all rows or none), read a municipality's figures. */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = ApiDocumentation.TAG_PLANNING)
class IndicatorApiController {

    private static final String TEXT_CSV = "text/csv";

    private final IndicatorCsvImport csvImport;
    private final IndicatorValues values;

    IndicatorApiController(IndicatorCsvImport csvImport, IndicatorValues values) {
        this.csvImport = csvImport;
        this.values = values;
    }

    public record ImportResult(int imported) {
    }

    public record Figure(String indicator, String municipalityNumber, int year, java.math.BigDecimal value, String source,
                         String table, String note) {
        static Figure of(IndicatorValue v) {
            return new Figure(v.indicator().code(), v.municipalityNumber(), v.year(), v.value(), v.source(), v.tableId(), v.note());
        }
    }

    @PostMapping(consumes = TEXT_CSV)
    @Operation(summary = "Import indicator figures per municipality (CSV body)",
            description = "Columns kommunenummer, indikator, aar, verdi, kilde, tabell. Indicators: arbeidsledighet, "
                    + "introduksjon_arbeid_utdanning, innvandrerandel (per cent 0–100), bosatt, anmodning, vedtak (whole persons). "
                    + "Every row is checked first; any problem (unknown municipality, duplicated row, value out of range, missing "
                    + "column) refuses the whole file with 422 and each problem named by line (field lineN.column); nothing is imported.")
    @ApiResponse(responseCode = "200", description = "Every row imported")
    public ImportResult importBody(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = TEXT_CSV,
            schema = @Schema(type = "string"))) @RequestBody(required = false) byte[] body) {
        refuseUnlessPlanner();
        if (body == null || body.length == 0) {
            throw new InvalidRequestException(FieldProblem.of("file", "indicators.fileRequired"));
        }
        return run(new ByteArrayInputStream(body), "api.csv");
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import indicator figures per municipality (file upload)", description = "As the text/csv variant, file in part `file`.")
    public ImportResult importFile(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        refuseUnlessPlanner();
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException(FieldProblem.of("file", "indicators.fileRequired"));
        }
        try (InputStream in = file.getInputStream()) {
            return run(in, file.getOriginalFilename());
        }
    }

    private static void refuseUnlessPlanner() {
        if (!IndicatorCsvImport.mayImport(CurrentActor.get())) {
            throw new CommandFailedException(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
    }

    private ImportResult run(InputStream in, String name) {
        IndicatorCsvImport.Report report = csvImport.importCsv(in, name, CurrentActor.get());
        if (report.refused()) {
            throw new InvalidRequestException(report.problems().stream()
                    .map(p -> new FieldProblem("line" + p.line() + "." + p.problem().field(), p.problem().messageKey(), p.problem().args()))
                    .toList());
        }
        return new ImportResult(report.imported());
    }

    @GetMapping
    @Operation(summary = "A municipality's indicator figures, with source, table and year")
    public List<Figure> forMunicipality(@RequestParam String municipality, @RequestParam(required = false) String indicator) {
        Indicator only = indicator == null ? null : Indicator.ofCode(indicator)
                .orElseThrow(() -> new InvalidRequestException(FieldProblem.of("indicator", "indicators.error.indicator", indicator, "")));
        return values.forMunicipality(municipality).stream().filter(v -> only == null || v.indicator() == only).map(Figure::of).toList();
    }
}
