package no.bosetting.letters.web;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.letters.Letters;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The refugee's own letters; a letter is fetched by id and served only if it is addressed to the signed-in DUF number. */
@Controller
class MyLettersController {

    private final Letters letters;

    MyLettersController(Letters letters) {
        this.letters = letters;
    }

    @GetMapping("/min-side/brev")
    Object mine(@RequestParam(required = false) Long letter, Model model) {
        Actor actor = CurrentActor.get();
        if (letter != null) {
            return letters.downloadOwn(letter, actor)
                    .map(f -> LetterTemplateController.pdf(f.pdf(), f.filename()))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        model.addAttribute("letters", letters.forRefugee(actor));
        return "letters/mine";
    }
}
