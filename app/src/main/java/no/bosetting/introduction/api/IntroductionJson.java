package no.bosetting.introduction.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.introduction.IntroductionCommand;
import no.bosetting.introduction.IntroductionRecord;
import no.bosetting.introduction.IntroductionResults;
import no.bosetting.introduction.NorwegianLevel;
import no.bosetting.introduction.OutcomeCategory;
import no.bosetting.introduction.PeriodKind;
import no.bosetting.introduction.TrainingSubject;
import no.bosetting.shared.web.ListPage;

/** The JSON shapes of the introduction-register endpoints; the API's contract, independent of the services' types. */
final class IntroductionJson {

    private IntroductionJson() {
    }

    @Schema(description = "One settled person's entry in the introduction register. The read is logged.")
    public record RecordJson(long caseId, long personId,
                             @Schema(description = "Where and when the person was settled; null when not settled") SettlementJson settlement,
                             @Schema(description = "The programme; null when not recorded yet") ParticipationJson participation,
                             @Schema(description = "Interruptions and leave, oldest first") List<PeriodJson> periods,
                             @Schema(description = "Norwegian and social-studies training, oldest first") List<TrainingJson> training,
                             @Schema(description = "Total training hours per subject") Map<TrainingSubject, Integer> hours,
                             @Schema(description = "The status one year after completion; null when not recorded") OutcomeJson outcome,
                             @Schema(description = "What the caller may do on this entry now: RECORD for the settling municipality's officer "
                                     + "on a settled case") List<IntroductionCommand> validCommands) {

        static RecordJson of(long caseId, long personId, SettlementDecision settled, IntroductionRecord r, List<IntroductionCommand> commands) {
            Map<TrainingSubject, Integer> hours = new EnumMap<>(TrainingSubject.class);
            for (TrainingSubject s : TrainingSubject.values()) {
                hours.put(s, r.hours(s));
            }
            return new RecordJson(caseId, personId, settled == null ? null : new SettlementJson(settled.municipalityNumber(), settled.settlementDate()),
                    ParticipationJson.of(r.participation()), r.periods().stream().map(PeriodJson::of).toList(),
                    r.training().stream().map(TrainingJson::of).toList(), hours, OutcomeJson.of(r.outcome()), commands);
        }
    }

    public record ParticipationJson(String municipalityNumber, LocalDate startedOn, LocalDate completedOn, OffsetDateTime updatedAt,
                                    String updatedBy) {

        static ParticipationJson of(IntroductionRecord.Participation p) {
            return p == null ? null : new ParticipationJson(p.municipalityNumber(), p.startedOn(), p.completedOn(), p.updatedAt(), p.updatedBy());
        }
    }

    public record PeriodJson(long id, PeriodKind kind, LocalDate from, LocalDate to, OffsetDateTime registeredAt, String registeredBy) {

        static PeriodJson of(IntroductionRecord.Period p) {
            return new PeriodJson(p.id(), p.kind(), p.from(), p.to(), p.registeredAt(), p.registeredBy());
        }
    }

    @Schema(description = "Hours of training; a test's level (Norwegian) or passed (social studies) when one was taken")
    public record TrainingJson(long id, TrainingSubject subject, int hours, LocalDate testOn, NorwegianLevel level, Boolean passed,
                               OffsetDateTime registeredAt, String registeredBy) {

        static TrainingJson of(IntroductionRecord.Training t) {
            return new TrainingJson(t.id(), t.subject(), t.hours(), t.testOn(), t.level(), t.passed(), t.registeredAt(), t.registeredBy());
        }
    }

    public record OutcomeJson(OutcomeCategory status, LocalDate measuredOn, OffsetDateTime registeredAt, String registeredBy) {

        static OutcomeJson of(IntroductionRecord.Outcome o) {
            return o == null ? null : new OutcomeJson(o.status(), o.measuredOn(), o.registeredAt(), o.registeredBy());
        }
    }

    public record SettlementJson(String municipalityNumber, LocalDate settlementDate) {
    }

    @Schema(description = "The programme's start and, when it is over, its end; recording it again corrects it")
    public record ProgrammeRequest(@Schema(example = "2026-02-01") LocalDate startedOn, LocalDate completedOn) {
    }

    @Schema(description = "An interruption or leave within the programme")
    public record PeriodRequest(PeriodKind periodKind, LocalDate periodFrom, LocalDate periodTo) {
    }

    @Schema(description = "Hours of training, with a test when one was taken: a level for Norwegian, passed for social studies")
    public record TrainingRequest(TrainingSubject subject, Integer hours, LocalDate testOn, NorwegianLevel level, Boolean passed) {
    }

    @Schema(description = "The status one year after completion; recording it again corrects it")
    public record OutcomeRequest(OutcomeCategory status, LocalDate measuredOn) {
    }

    @Schema(description = "The programme's public results: the share in work or education a year after completion, nationally and per "
            + "municipality, with the small-cell rule (a share from 1–4 persons is null). No counts and no personal data, as on "
            + "/offentlig/introduksjon.")
    public record PublicResultsJson(@Schema(description = "The completion year; null for every year") Integer year,
                                    @Schema(description = "Years with results, newest first") List<Integer> years,
                                    @Schema(description = "The nation's share, 0–1") Double nationalShare,
                                    MunicipalityPage municipalities) {

        static PublicResultsJson of(IntroductionResults.Results r, List<Integer> years) {
            ListPage<IntroductionResults.Row> page = r.municipalities();
            return new PublicResultsJson(r.year(), years, r.national().share(), new MunicipalityPage(
                    page.items().stream().map(m -> new MunicipalityShare(m.municipalityNumber(), m.name(), m.share())).toList(),
                    page.page(), page.size(), page.total(), page.totalPages()));
        }
    }

    public record MunicipalityPage(List<MunicipalityShare> items, int page, int size, long total, int totalPages) {
    }

    @Schema(description = "A municipality's share in work or education, 0–1; null when withheld (1–4 persons)")
    public record MunicipalityShare(String municipalityNumber, String name, Double share) {
    }
}
