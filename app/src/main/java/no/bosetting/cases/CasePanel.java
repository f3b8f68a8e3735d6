package no.bosetting.cases;

import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;

/**
 * A section of the case page that another module contributes (interview, proposals, decisions), so
 * the case module shows them without depending on those modules.
 */
public interface CasePanel {

    /** Lower comes first. */
    int order();

    Optional<View> view(CaseSummary summary, Actor actor);

    /** {@code template} names a Thymeleaf template with a fragment called "panel" that reads {@code panel}. */
    record View(String template, Map<String, Object> model) {
    }
}
