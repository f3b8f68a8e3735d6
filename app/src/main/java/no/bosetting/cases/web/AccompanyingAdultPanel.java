package no.bosetting.cases.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.AccompanyingAdult;
import no.bosetting.cases.AccompanyingAdults;
import no.bosetting.cases.CaseCommand;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.MinorsComingOfAge;
import no.bosetting.cases.ReceptionScope;
import no.bosetting.access.Transition;
import org.springframework.stereotype.Component;

/**
 * The unaccompanied minor's accompanying adult (følgeperson) and, when the minor turned 18 before settlement, what that
 * changed. The agency and the household's centre see the adult by name; others see only how they are related. The
 * caseworker records, corrects or removes the adult here.
 */
@Component
class AccompanyingAdultPanel implements CasePanel {

    private final AccompanyingAdults adults;
    private final MinorsComingOfAge comingOfAge;

    AccompanyingAdultPanel(AccompanyingAdults adults, MinorsComingOfAge comingOfAge) {
        this.adults = adults;
        this.comingOfAge = comingOfAge;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        Optional<AccompanyingAdult> adult = adults.find(summary.id());
        Optional<java.time.LocalDate> turned = comingOfAge.turnedAdultOn(summary.id());
        if (!summary.unaccompaniedMinor() && adult.isEmpty() && turned.isEmpty()) {
            return Optional.empty();
        }
        var valid = Transition.valid(CaseCommand.class, actor, summary.status());
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", summary.id());
        model.put("adult", adult.orElse(null));
        model.put("named", actor.isAgency() || ReceptionScope.sees(actor, summary));
        model.put("turnedAdultOn", turned.orElse(null));
        model.put("householdType", summary.householdType().name());
        model.put("canSet", summary.unaccompaniedMinor() && valid.contains(CaseCommand.SET_ACCOMPANYING_ADULT));
        model.put("canRemove", adult.isPresent() && valid.contains(CaseCommand.REMOVE_ACCOMPANYING_ADULT));
        model.put("kinds", AccompanyingAdult.Kind.values());
        model.put("noErrors", Map.of());
        return Optional.of(new View("cases/accompanying", model));
    }
}
