package no.bosetting.approvals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.bosetting.access.Actor;
import no.bosetting.access.TwoStepControl;
import no.bosetting.access.TwoStepControl.Kind;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.CloseReason;
import no.bosetting.cases.HouseholdChanges;
import no.bosetting.cases.PersonCorrections;
import no.bosetting.decisions.PlaceRule;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.Proposals;
import no.bosetting.reconsideration.Reconsiderations;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.outbox.Wording;
import no.bosetting.shared.web.WebConfig;
import org.springframework.stereotype.Component;

/**
 * The held commands, by kind: whether the command needs a second person, and running it from its recorded input
 * through the owning module's own command (so its guard and rules are checked again when it runs). Nothing here
 * decides a rule of the command itself.
 */
@Component
class ApprovalRunner {

    static final String GRANT = "GRANT";
    static final String REFUSE = "REFUSE";
    static final String PLANNED = TwoStepControl.PLANNED;

    private final CaseCommands caseCommands;
    private final CaseQueries cases;
    private final Reconsiderations reconsiderations;
    private final Proposals proposals;
    private final PlaceRule places;
    private final Municipalities municipalities;
    private final org.springframework.context.MessageSource messages;
    private final HouseholdChanges household;
    private final PersonCorrections corrections;

    ApprovalRunner(CaseCommands caseCommands, CaseQueries cases, Reconsiderations reconsiderations, Proposals proposals,
                   PlaceRule places, Municipalities municipalities, org.springframework.context.MessageSource messages,
                   HouseholdChanges household, PersonCorrections corrections) {
        this.messages = messages;
        this.household = household;
        this.corrections = corrections;
        this.caseCommands = caseCommands;
        this.cases = cases;
        this.reconsiderations = reconsiderations;
        this.proposals = proposals;
        this.places = places;
        this.municipalities = municipalities;
    }

    /** The case the subject belongs to; null when the subject does not exist. */
    Long caseId(Kind kind, long subjectId) {
        if (kind == Kind.BEYOND_PLACES) {
            return proposals.find(subjectId, Actor.system()).map(ProposalRow::caseId).orElse(null);
        }
        return cases.summaryForSystem(subjectId).map(CaseSummary::id).orElse(null);
    }

    String caseReference(long caseId) {
        return cases.summaryForSystem(caseId).map(CaseSummary::reference).orElseThrow();
    }

    /**
     * Whether this command of the kind is one the policy is about: closing for a reason other than the refugee's own
     * choice ({@link CloseReason#needsInformed()} is the refugee's choice); an agency acceptance that goes beyond the
     * municipality's places (asked of the place rule); every offer withdrawal and reconsideration outcome; a household
     * change with the agency's override reason that takes places beyond the decided number (asked of the household
     * change's own module, which asks the place rule).
     */
    boolean concerned(Kind kind, long subjectId, Actor actor, Map<String, String> input) {
        return switch (kind) {
            case CLOSE_CASE -> closeReason(input) != null && !closeReason(input).needsInformed();
            case WITHDRAW_OFFER, RECONSIDERATION_OUTCOME -> true;
            case BEYOND_PLACES -> actor.isAgency() && beyondPlaces(subjectId, input);
            case HOUSEHOLD_BEYOND_PLACES -> correctsPerson(input)
                    ? corrections.overridesPlaces(subjectId, PersonCorrections.Correction.fromInput(input), actor)
                    : household.overridesPlaces(subjectId, HouseholdChanges.NewMember.fromInput(input), actor);
        };
    }

    private boolean beyondPlaces(long proposalId, Map<String, String> input) {
        ProposalRow p = proposals.find(proposalId, Actor.system()).orElse(null);
        Map<Integer, Integer> personsByYear = new TreeMap<>();
        planned(input).values().forEach(d -> personsByYear.merge(d.getYear(), 1, Integer::sum));
        if (p == null || personsByYear.isEmpty()) {
            return false;
        }
        return personsByYear.entrySet().stream().anyMatch(e -> !places.wouldFit(p.municipalityNumber(), e.getKey(), e.getValue(),
                p.unaccompaniedMinor() ? e.getValue() : 0, 0));
    }

    /** Runs the command as {@code actor} (the proposer) from its recorded input. */
    CommandResult<?> run(Kind kind, long subjectId, Actor actor, Map<String, String> input) {
        return switch (kind) {
            case CLOSE_CASE -> CommandResult.attempt(() -> caseCommands.close(subjectId, actor, closeReason(input), input.get("text"), null));
            case WITHDRAW_OFFER -> CommandResult.attempt(() -> caseCommands.withdrawOffer(subjectId, actor, input.get("reason")));
            case RECONSIDERATION_OUTCOME -> CommandResult.attempt(() -> GRANT.equals(input.get("outcome"))
                    ? reconsiderations.grant(subjectId, actor, input.get("reason"), input.get("alternative"))
                    : reconsiderations.refuse(subjectId, actor, input.get("reason")));
            case BEYOND_PLACES -> CommandResult.attempt(() -> proposals.accept(actor, subjectId, planned(input), input.get("overrideReason")));
            case HOUSEHOLD_BEYOND_PLACES -> correctsPerson(input)
                    ? corrections.correct(subjectId, Long.parseLong(input.get("personId")), PersonCorrections.Correction.fromInput(input), actor)
                    : household.addMember(subjectId, HouseholdChanges.NewMember.fromInput(input), actor);
        };
    }

    /** The proposer's reason for the command, shown with the proposal. */
    static String reason(Kind kind, Map<String, String> input) {
        return switch (kind) {
            case CLOSE_CASE -> input.get("text");
            case WITHDRAW_OFFER, RECONSIDERATION_OUTCOME -> input.get("reason");
            case BEYOND_PLACES, HOUSEHOLD_BEYOND_PLACES -> input.get("overrideReason");
        };
    }

    /**
     * What would change, built once: its wording (message keys and arguments, worded again in the reader's language
     * where it is shown) and the Norwegian text of that wording, which the approval's history and the case note record,
     * as their other lines.
     */
    ChangeSummary summary(Kind kind, long subjectId, long caseId, Map<String, String> input) {
        String municipality = cases.summaryForSystem(caseId).map(CaseSummary::settlementMunicipality).map(municipalities::name).orElse("");
        Wording wording = switch (kind) {
            case CLOSE_CASE -> Wording.of("approval.summary.CLOSE_CASE", Wording.of("close." + closeReason(input)));
            case WITHDRAW_OFFER -> Wording.of("approval.summary.WITHDRAW_OFFER", municipality);
            case RECONSIDERATION_OUTCOME -> GRANT.equals(input.get("outcome"))
                    ? Wording.of("approval.summary.GRANT", municipality)
                    : Wording.of("approval.summary.REFUSE", municipality);
            case BEYOND_PLACES -> proposals.find(subjectId, Actor.system())
                    .map(p -> Wording.of("approval.summary.BEYOND_PLACES", p.municipalityName(), p.persons()))
                    .orElse(Wording.join());
            case HOUSEHOLD_BEYOND_PLACES -> correctsPerson(input)
                    ? Wording.of("approval.summary.HOUSEHOLD_MINOR", municipality)
                    : Wording.of("approval.summary.HOUSEHOLD_MEMBER", input.get("givenName"), input.get("familyName"), municipality);
        };
        return new ChangeSummary(wording.in(messages, WebConfig.BOKMAL), wording);
    }

    /** A change summary: the Norwegian text recorded in the histories, and the wording it was worded from. */
    record ChangeSummary(String text, Wording wording) {
    }

    /** A return reason in Norwegian words, for the history lines (which are stored in Norwegian, as the others). */
    String returnReasonText(ReturnReason reason) {
        return nb("approval.returnReason." + reason.name());
    }

    private String nb(String key) {
        return messages.getMessage(key, null, key, WebConfig.BOKMAL);
    }

    static Map<Long, LocalDate> planned(Map<String, String> input) {
        Map<Long, LocalDate> planned = new TreeMap<>();
        input.forEach((k, v) -> {
            if (k.startsWith(PLANNED) && v != null && !v.isBlank()) {
                planned.put(Long.valueOf(k.substring(PLANNED.length())), LocalDate.parse(v));
            }
        });
        return planned;
    }

    /** Whether a held household change is the correction of a person (the minor flag) rather than a member joining. */
    static boolean correctsPerson(Map<String, String> input) {
        return "CORRECT_PERSON".equals(input.get("command"));
    }

    static CloseReason closeReason(Map<String, String> input) {
        String r = input.get("closeReason");
        return List.of(CloseReason.values()).stream().filter(c -> c.name().equals(r)).findFirst().orElse(null);
    }
}
