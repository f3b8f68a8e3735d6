package no.bosetting.cases.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.PermitCsvImport;
import no.bosetting.cases.PermitImport;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.api.ApiDocumentation;
import no.bosetting.shared.api.InvalidRequestException;
import no.bosetting.shared.web.Messages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Residence permits from UDI: one per request, or a CSV batch with a report per row. */
@RestController
@RequestMapping("/api/v1/permits")
@Tag(name = ApiDocumentation.TAG_PERMITS)
class PermitApiController {

    private static final String NOT_ALLOWED = "error.role.notAllowed";
    private static final String TEXT_CSV = "text/csv";

    private final PermitImport permitImport;
    private final PermitCsvImport csvImport;
    private final Messages messages;

    public PermitApiController(PermitImport permitImport, PermitCsvImport csvImport, Messages messages) {
        this.permitImport = permitImport;
        this.csvImport = csvImport;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import one residence permit",
            description = "Creates the settlement case (201, Location of the case). The same permitReference again returns "
                    + "the existing case with 200 and changes nothing. Every invalid field is reported (422).")
    @ApiResponse(responseCode = "201", description = "A new case was created")
    @ApiResponse(responseCode = "200", description = "The permit was imported before; nothing changed")
    public ResponseEntity<CaseJson.PermitResult> importPermit(@RequestBody CaseJson.PermitRequest request) {
        ImportOutcome outcome = permitImport.importPermit(request.toCommand(), CurrentActor.get());
        if (!outcome.ok()) {
            throw refusal(outcome.problems());
        }
        CaseJson.PermitResult body = new CaseJson.PermitResult(outcome.caseId(), outcome.caseReference(), outcome.created());
        if (!outcome.created()) {
            return ResponseEntity.ok(body);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/cases/{id}")
                .buildAndExpand(outcome.caseId()).toUri();
        return ResponseEntity.created(location).body(body);
    }

    @PostMapping(value = "/batch", consumes = TEXT_CSV)
    @Operation(summary = "Import a CSV batch of permits (request body)",
            description = "One row per person; rows of one household share permit_reference. Columns: "
                    + "permit_reference, permit_type, permit_date, living_situation, reception_centre_id, municipality_number, "
                    + "duf_number, national_id, d_number, given_name, family_name, birth_date, sex, citizenship, relation, "
                    + "phone, email (names in any case; an unknown or repeated column refuses the file). Comma or semicolon separated, "
                    + "UTF-8 unless the content type or a byte-order mark says otherwise; a byte-order mark is skipped. A file that "
                    + "cannot be read (an unclosed quote, not UTF-8) is refused as a whole with the line (422); otherwise every "
                    + "problem of every row is reported.")
    @ApiResponse(responseCode = "200", description = "The per-row report")
    public CaseJson.BatchReport importCsvBody(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = TEXT_CSV,
                    schema = @Schema(type = "string"))) @RequestBody(required = false) byte[] body,
            @Parameter(hidden = true) @RequestHeader(value = "Content-Type", required = false) String contentType) throws IOException {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException(FieldProblem.of("file", "import.fileRequired"));
        }
        return report(new ByteArrayInputStream(body), charset(contentType), CurrentActor.get());
    }

    @PostMapping(value = "/batch", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV batch of permits (file upload)", description = "As the text/csv variant, with the file in the part `file`.")
    @ApiResponse(responseCode = "200", description = "The per-row report")
    public CaseJson.BatchReport importCsvFile(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidRequestException(FieldProblem.of("file", "import.fileRequired"));
        }
        try (InputStream in = file.getInputStream()) {
            return report(in, StandardCharsets.UTF_8, CurrentActor.get());
        }
    }

    private CaseJson.BatchReport report(InputStream in, Charset charset, Actor actor) throws IOException {
        if (!actor.isAgency()) {
            throw new CommandFailedException(CommandFailure.NotAllowed.of(NOT_ALLOWED));
        }
        PermitCsvImport.Report report = csvImport.importCsv(in, charset, actor);
        if (!report.fileProblems().isEmpty()) {
            // Nothing was imported: the file as a whole is refused.
            throw new InvalidRequestException(report.fileProblems());
        }
        List<CaseJson.BatchRow> rows = report.rows().stream()
                .map(r -> new CaseJson.BatchRow(r.row(), r.permitReference(), r.status(), r.caseReference(),
                        r.problems().stream().map(p -> new CaseJson.FieldError(p.field(), p.messageKey(), messages.of(p))).toList()))
                .toList();
        return new CaseJson.BatchReport(report.households(PermitCsvImport.RowStatus.CREATED),
                report.households(PermitCsvImport.RowStatus.UNCHANGED), report.households(PermitCsvImport.RowStatus.ERROR),
                report.count(PermitCsvImport.RowStatus.ERROR), rows);
    }

    /** PermitImport reports a refused role as a problem without a field; the API answers that with 403. */
    private static RuntimeException refusal(List<FieldProblem> problems) {
        if (problems.size() == 1 && problems.get(0).field().isEmpty() && NOT_ALLOWED.equals(problems.get(0).messageKey())) {
            return new CommandFailedException(CommandFailure.NotAllowed.of(NOT_ALLOWED));
        }
        return new InvalidRequestException(problems);
    }

    private static Charset charset(String contentType) {
        try {
            Charset declared = contentType == null ? null : MediaType.parseMediaType(contentType).getCharset();
            return declared == null ? StandardCharsets.UTF_8 : declared;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
