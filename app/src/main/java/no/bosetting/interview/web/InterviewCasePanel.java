package no.bosetting.interview.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.CaseQueries;
import no.bosetting.interview.HealthConsents;
import no.bosetting.interview.HealthContent;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.interview.Question;
import no.bosetting.interview.SettlementInterview;
import no.bosetting.municipalities.Municipalities;
import org.springframework.stereotype.Component;

/**
 * The interview on the case page. What reaches the template is already cut to what the actor may
 * see, so a template mistake cannot show a municipality family details or anyone health details
 * they have no need for.
 */
@Component
class InterviewCasePanel implements CasePanel {

    /** What a municipality may not see: who the family and network are, and the minor's situation. */
    private static final Set<Question> PERSONAL = EnumSet.of(Question.FAMILY_IN_NORWAY, Question.NETWORK_IN_NORWAY,
            Question.MINOR_SITUATION);

    private final Interviews interviews;
    private final Municipalities municipalities;
    private final Clock clock;
    private final HealthConsents consents;
    private final CaseQueries cases;

    InterviewCasePanel(Interviews interviews, Municipalities municipalities, Clock clock, HealthConsents consents,
                       CaseQueries cases) {
        this.consents = consents;
        this.cases = cases;
        this.interviews = interviews;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        Optional<SettlementInterview> found = interviews.find(summary.id());
        boolean personal = InterviewAccess.seesPersonalDetails(summary, actor);
        boolean health = InterviewAccess.seesHealth(summary, actor);
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", summary.id());
        model.put("canRecord", InterviewAccess.mayRecord(summary, actor));
        model.put("personal", personal);
        model.put("recorded", found.isPresent());
        model.put("consents", null);
        found.ifPresent(i -> {
            Set<String> visible = new LinkedHashSet<>();
            for (Question q : i.questionSet().questions()) {
                if (personal || !PERSONAL.contains(q)) {
                    visible.add(q.name());
                }
            }
            model.put("visible", visible);
            model.put("version", i.questionSet().version());
            model.put("recordedBy", i.recordedBy());
            model.put("recordedAt", i.recordedAt().atZoneSameInstant(clock.getZone()).toLocalDateTime());
            InterviewAnswers answers = visibleAnswers(i.answers(), personal, health);
            model.put("answers", answers);
            model.put("familyMunicipality", answers.familyMunicipalityNumber() == null ? null
                    : municipalities.name(answers.familyMunicipalityNumber()));
            model.put("showHealth", health);
            if (answers.healthDetails() != null) {
                // Health details on the page: a read of each consenting member's health information.
                interviews.recordHealthRead(summary.id(), actor, "web:/saker/" + summary.id());
            }
            if (personal) {
                Map<Long, HealthConsents.Consent> current = consents.current(summary.id());
                model.put("consents", cases.members(summary.id()).stream()
                        .map(m -> new ConsentLine(m.fullName(), current.get(m.id()))).toList());
            }
        });
        return Optional.of(new View("interview/panel", model));
    }

    /** A member's consent on the page: name, and the consent as it stands (null: never recorded). */
    public record ConsentLine(String name, HealthConsents.Consent consent) {
        public boolean given() {
            return consent != null && consent.given();
        }
    }

    private static InterviewAnswers visibleAnswers(InterviewAnswers a, boolean personal, boolean health) {
        return new InterviewAnswers(a.heldOn(), personal ? a.interpreterLanguage() : null,
                personal ? a.familyInNorway() : null, personal ? a.familyMunicipalityNumber() : null,
                personal ? a.networkInNorway() : null,
                personal || a.healthConsent() || !HealthContent.mentionsHealth(a.adaptationNeeds()) ? a.adaptationNeeds() : null, health && a.healthConsent(),
                health && a.healthConsent() ? a.healthDetails() : null, a.pets(), a.education(), a.workExperience(),
                a.drivingLicence(), a.hasCar(), a.languages(), personal ? a.minorSituation() : null);
    }
}
