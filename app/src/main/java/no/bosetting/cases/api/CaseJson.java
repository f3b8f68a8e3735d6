package no.bosetting.cases.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import no.bosetting.cases.CaseDetail;
import no.bosetting.cases.CaseHistoryEntry;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.CloseReason;
import no.bosetting.cases.InformationChannel;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.Page;
import no.bosetting.cases.PermitCsvImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.PersonView;
import no.bosetting.cases.Relation;
import no.bosetting.cases.ResidenceEntry;

/** The JSON shapes of the permit and case endpoints; the API's contract, independent of the services' types. */
final class CaseJson {

    private CaseJson() {
    }

    @Schema(description = "One residence permit from UDI. Importing the same permitReference again changes nothing.")
    public record PermitRequest(
            @Schema(description = "UDI's reference of the permit; the idempotency key", example = "UDI-2026-000123") String permitReference,
            PermitType permitType,
            @Schema(example = "2026-03-01") LocalDate permitDate,
            LivingSituation livingSituation,
            @Schema(description = "Required when living in a reception centre or emergency accommodation") Long receptionCentreId,
            @Schema(description = "Where the household lives when not in a centre (AMOT, MAMOT, private)", example = "0301") String municipalityNumber,
            List<PermitPerson> persons) {

        PermitImportRequest toCommand() {
            return new PermitImportRequest(permitReference, permitType, permitDate, livingSituation, receptionCentreId,
                    municipalityNumber, persons == null ? null : persons.stream().map(PermitPerson::toCommand).toList());
        }
    }

    public record PermitPerson(
            @Schema(description = "12 digits", example = "100000000001") String dufNumber,
            @Schema(description = "National identity number, 11 digits with mod-11 check digits") String nationalId,
            @Schema(description = "D-number, 11 digits with mod-11 check digits, first digit 4–7") String dNumber,
            String givenName, String familyName, LocalDate birthDate,
            @Schema(allowableValues = {"F", "M", "X"}) String sex,
            @Schema(description = "ISO 3166-1 alpha-3", example = "UKR") String citizenship,
            Relation relation, String phone, String email) {

        PermitImportRequest.PersonData toCommand() {
            return new PermitImportRequest.PersonData(dufNumber, nationalId, dNumber, givenName, familyName, birthDate, sex,
                    citizenship, relation, phone, email);
        }
    }

    @Schema(description = "The case a permit created or, when imported before, already had")
    public record PermitResult(long caseId, String caseReference, boolean created) {
    }

    public record FieldError(String field, String code, String message) {
    }

    public record BatchRow(@Schema(description = "Line in the file, counting the header line") long line,
                           String permitReference, PermitCsvImport.RowStatus status, String caseReference,
                           List<FieldError> errors) {
    }

    @Schema(description = "The outcome of every row of a CSV batch; a bad row stops only its own household")
    public record BatchReport(long householdsCreated, long householdsUnchanged, long householdsRejected, long rowsWithErrors,
                              List<BatchRow> rows) {
    }

    @Schema(description = "A case without names or identity numbers")
    public record CaseSummaryJson(long id, String reference, CaseStatus status, HouseholdType householdType, int persons,
                                  int children, boolean unaccompaniedMinor, LivingSituation livingSituation,
                                  PermitType permitType, LocalDate permitDate, long daysWaited, boolean longWaiting,
                                  Long receptionCentreId, String receptionCentreName, String livingMunicipalityNumber,
                                  String settlementMunicipality) {

        static CaseSummaryJson of(CaseSummary s) {
            return new CaseSummaryJson(s.id(), s.reference(), s.status(), s.householdType(), s.persons(), s.children(),
                    s.unaccompaniedMinor(), s.livingSituation(), s.permitType(), s.permitDate(), s.daysWaited(), s.longWaiting(),
                    s.receptionCentreId(), s.receptionCentreName(), s.livingMunicipalityNumber(), s.settlementMunicipality());
        }
    }

    public record CasePage(List<CaseSummaryJson> items, int page, int size, long total, int totalPages) {

        static CasePage of(Page<CaseSummary> page) {
            return new CasePage(page.items().stream().map(CaseSummaryJson::of).toList(), page.page(), page.size(), page.total(),
                    page.totalPages());
        }
    }

    @Schema(description = "A household member with identities; every read is logged")
    public record PersonJson(long id, String dufNumber, String nationalId, String dNumber, String givenName,
                             String familyName, LocalDate birthDate, int age, String sex, String citizenship,
                             Relation relation, String phone, String email) {

        static PersonJson of(PersonView p) {
            return new PersonJson(p.id(), p.dufNumber(), p.nationalId(), p.dNumber(), p.givenName(), p.familyName(),
                    p.birthDate(), p.age(), String.valueOf(p.sex()), p.citizenship(), p.relation(), p.phone(), p.email());
        }
    }

    public record HistoryJson(OffsetDateTime occurredAt, String actor, String actorRole, String command,
                              CaseStatus fromStatus, CaseStatus toStatus, String reason) {

        static HistoryJson of(CaseHistoryEntry h) {
            return new HistoryJson(h.occurredAt(), h.actor(), h.actorRole(), h.command(), h.fromStatus(), h.toStatus(), h.reason());
        }
    }

    public record ResidenceJson(long personId, LivingSituation kind, String receptionCentreName, String municipalityNumber,
                                LocalDate fromDate, LocalDate toDate) {

        static ResidenceJson of(ResidenceEntry r) {
            return new ResidenceJson(r.personId(), r.kind(), r.receptionCentreName(), r.municipalityNumber(), r.fromDate(), r.toDate());
        }
    }

    public record CaseDetailJson(CaseSummaryJson summary, List<PersonJson> persons, List<HistoryJson> history,
                                 List<ResidenceJson> residences, String closedReason) {

        static CaseDetailJson of(CaseDetail d) {
            return new CaseDetailJson(CaseSummaryJson.of(d.summary()), d.persons().stream().map(PersonJson::of).toList(),
                    d.history().stream().map(HistoryJson::of).toList(), d.residences().stream().map(ResidenceJson::of).toList(),
                    d.closedReason());
        }
    }

    @Schema(description = "Closing a case before settlement needs a reason and confirmation that the person understood the consequence")
    public record CloseRequest(CloseReason closeReason, String text,
                               @Schema(description = "The person was informed of, and understood, the consequence of closing") Boolean informed,
                               @Schema(description = "When the person was informed: not in the future, not before the permit") LocalDate informedOn,
                               @Schema(description = "How the person was informed") InformationChannel informedChannel,
                               @Schema(description = "The language the information was given in") String informedLanguage,
                               @Schema(description = "The interpreter; required for CONVERSATION_WITH_INTERPRETER") String interpreter) {
    }

    public record MoveOutRequest(@Schema(description = "Not in the future") LocalDate date,
                                 @Schema(description = "PRIVATE, AMOT or SELF_ESTABLISHED") LivingSituation newSituation,
                                 String municipalityNumber) {
    }

    public record CaseStatusResult(long caseId, CaseStatus status) {
    }

    public record MoveOutResult(long caseId, LivingSituation livingSituation) {
    }
}
