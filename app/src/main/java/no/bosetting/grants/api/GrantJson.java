package no.bosetting.grants.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import no.bosetting.grants.AdditionalGrants;
import no.bosetting.grants.GrantCategory;
import no.bosetting.grants.GrantKind;
import no.bosetting.grants.GrantRate;
import no.bosetting.grants.GrantSchedules;
import no.bosetting.grants.GrantViews;
import no.bosetting.grants.PaymentRun;
import no.bosetting.grants.ScheduleLine;

/** The JSON shapes of the grant endpoints; the API's contract, independent of the services' types. */
final class GrantJson {

    private GrantJson() {
    }

    /** A page of a list, shaped as {@code /api/v1/cases} pages. */
    public record PageJson<T>(List<T> items, int page, int size, long total, int totalPages) {

        static <T> PageJson<T> of(List<T> items, int page, int size, long total) {
            return new PageJson<>(items, page, size, total, (int) ((total + size - 1) / size));
        }
    }

    @Schema(description = "A municipality's integration grants for five calendar years from `fromYear`: the sums per year and a page of "
            + "the persons they come from. Names are shown as on the grant page, and every person shown is logged as read.")
    public record MunicipalityGrantsJson(String municipalityNumber, String municipalityName, int fromYear, List<YearSumJson> years,
                                         @Schema(description = "Lines whose rate was missing in the years: a sum without them is too low")
                                         long missingRates,
                                         List<RateJson> ratesUsed, PageJson<PersonRowJson> persons) {
    }

    @Schema(description = "One calendar year's sum: from settled persons (due) and from accepted households not yet settled (expected)")
    public record YearSumJson(int year, BigDecimal settled, BigDecimal expected, BigDecimal total, int persons) {

        static YearSumJson of(GrantViews.YearSum s) {
            return new YearSumJson(s.year(), s.settled(), s.expected(), s.total(), s.persons());
        }
    }

    @Schema(description = "One person's amounts to the municipality in each of the five years")
    public record PersonRowJson(long personId, long caseId, String caseReference, String name, GrantCategory category,
                                LocalDate settledOn, LocalDate plannedOn,
                                @Schema(description = "Not settled yet: the amounts are expected from the planned date") boolean expected,
                                List<YearAmountJson> amounts, BigDecimal total) {

        static PersonRowJson of(GrantViews.PersonRow r, int fromYear, String caseReference, String name) {
            List<YearAmountJson> amounts = new ArrayList<>();
            for (int i = 0; i < r.amounts().size(); i++) {
                amounts.add(new YearAmountJson(fromYear + i, r.amounts().get(i)));
            }
            return new PersonRowJson(r.personId(), r.caseId(), caseReference, name, r.category(), r.settledOn(), r.plannedOn(),
                    r.expected(), amounts, r.total());
        }
    }

    public record YearAmountJson(int year, BigDecimal amount) {
    }

    @Schema(description = "One version of a rate")
    public record RateJson(long id, int version, GrantKind kind, GrantCategory category, Integer schemeYear, BigDecimal amount,
                           LocalDate validFrom, LocalDate validTo, String source, boolean demo) {

        static RateJson of(GrantRate r) {
            return new RateJson(r.id(), r.version(), r.kind(), r.category(), r.schemeYear(), r.amount(), r.validFrom(), r.validTo(),
                    r.source(), r.demo());
        }
    }

    @Schema(description = "One person's grant schedule: the current computation with its lines, what was paid per item, the earlier "
            + "computations and a disability grant. The read is logged.")
    public record PersonScheduleJson(long personId, Long caseId, String caseReference, String name, SnapshotJson current,
                                     List<LineJson> lines, BigDecimal total,
                                     @Schema(description = "Paid so far per item (`kind|schemeYear|month`), corrections included")
                                     Map<String, BigDecimal> paid,
                                     DisabilityJson disability, List<SnapshotJson> history) {
    }

    @Schema(description = "One stored computation of a person's schedule, and why it was made")
    public record SnapshotJson(long id, OffsetDateTime computedAt, String cause, LocalDate settledOn, LocalDate plannedOn,
                               GrantCategory category, BigDecimal total, boolean current) {

        static SnapshotJson of(GrantSchedules.Snapshot s) {
            return new SnapshotJson(s.id(), s.computedAt(), s.cause(), s.settledOn(), s.plannedOn(), s.category(), s.total(), s.current());
        }
    }

    @Schema(description = "One amount of a schedule: a scheme year's grant or a month's AMOT/MAMOT grant. `amount` and `rateId` are "
            + "null when no rate covers the day.")
    public record LineJson(GrantKind kind, Integer schemeYear, LocalDate periodMonth, int calendarYear, String municipalityNumber,
                           BigDecimal amount, Long rateId, boolean expected, String itemKey) {

        static LineJson of(ScheduleLine l) {
            return new LineJson(l.kind(), l.schemeYear(), l.periodMonth(), l.calendarYear(), l.municipalityNumber(), l.amount(),
                    l.rateId(), l.expected(), l.itemKey());
        }
    }

    public record DisabilityJson(LocalDate grantedOn, String reason, OffsetDateTime recordedAt, String recordedBy) {

        static DisabilityJson of(AdditionalGrants.Granted g) {
            return new DisabilityJson(g.grantedOn(), g.reason(), g.recordedAt(), g.recordedBy());
        }
    }

    @Schema(description = "The schedules of the household's members that the caller may see")
    public record HouseholdScheduleJson(long caseId, String caseReference, List<PersonScheduleJson> persons) {
    }

    @Schema(description = "A payment run: what it paid is locked in its lines")
    public record PaymentRunJson(long id, PaymentRun.Kind kind, int upToYear, OffsetDateTime createdAt, String createdBy, int lineCount,
                                 BigDecimal total) {

        static PaymentRunJson of(PaymentRun r) {
            return new PaymentRunJson(r.id(), r.kind(), r.upToYear(), r.createdAt(), r.createdBy(), r.lineCount(), r.total());
        }
    }

    @Schema(description = "A payment run to make: REGULAR up to and including the year, or CORRECTION")
    public record PaymentRunRequest(PaymentRun.Kind kind, Integer year) {
    }

    @Schema(description = "A payment run with a page of its locked lines, by municipality and person")
    public record PaymentRunDetailJson(PaymentRunJson run, PageJson<PaymentLineJson> lines) {
    }

    @Schema(description = "One locked line: a person's item to a municipality; a negative amount is claimed back. No names.")
    public record PaymentLineJson(long id, long personId, long caseId, String caseReference, GrantKind kind, Integer schemeYear,
                                  LocalDate periodMonth, int calendarYear, String municipalityNumber, BigDecimal amount,
                                  @Schema(description = "For a correction: what was paid before") BigDecimal previousAmount,
                                  Long rateId, @Schema(description = "For a correction: what changed") String explanation) {

        static PaymentLineJson of(PaymentRun.Line l, String caseReference) {
            return new PaymentLineJson(l.id(), l.personId(), l.caseId(), caseReference, l.kind(), l.schemeYear(), l.periodMonth(),
                    l.calendarYear(), l.municipalityNumber(), l.amount(), l.previousAmount(), l.rateId(), l.explanation());
        }
    }
}
