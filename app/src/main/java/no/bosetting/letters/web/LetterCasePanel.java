package no.bosetting.letters.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CasePanel;
import no.bosetting.cases.CaseSummary;
import no.bosetting.letters.Letter;
import no.bosetting.letters.Letters;
import org.springframework.stereotype.Component;

/** The case's letters, every version, and what was sent through the digital mailbox. */
@Component
class LetterCasePanel implements CasePanel {

    private final Letters letters;

    LetterCasePanel(Letters letters) {
        this.letters = letters;
    }

    @Override
    public int order() {
        return 31;
    }

    @Override
    public Optional<View> view(CaseSummary summary, Actor actor) {
        Optional<List<Letter>> list = letters.forCase(summary.id(), actor);
        if (list.isEmpty() || list.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new View("letters/panel", Map.of(
                "letters", list.get(),
                "dispatches", letters.dispatches(summary.id(), actor),
                "caseId", summary.id())));
    }
}
