package no.bosetting.letters.web;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.letters.Letters;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A case's letters as PDF: the agency, and a municipality officer for its own accepted cases (only
 * the letters of its municipality). Anything else reads as not found.
 */
@Controller
class CaseLetterController {

    private final Letters letters;

    CaseLetterController(Letters letters) {
        this.letters = letters;
    }

    @GetMapping("/saker/{caseId}/brev")
    Object letter(@PathVariable long caseId, @RequestParam(required = false) Long letter) {
        Actor actor = CurrentActor.get();
        if (letter == null) {
            // The list is on the case page.
            letters.forCase(caseId, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            return "redirect:/saker/" + caseId + "#letters-panel-title";
        }
        return letters.download(caseId, letter, actor)
                .map(f -> LetterTemplateController.pdf(f.pdf(), f.filename()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
