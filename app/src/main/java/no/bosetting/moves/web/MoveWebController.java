package no.bosetting.moves.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.moves.MoveCommand;
import no.bosetting.moves.MoveReason;
import no.bosetting.moves.SecondaryMoves;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The caseworker registers a secondary move from the case page; errors come back next to their fields. */
@Controller
class MoveWebController {

    private final SecondaryMoves moves;
    private final Messages messages;
    private final CaseQueries cases;

    MoveWebController(SecondaryMoves moves, Messages messages, CaseQueries cases) {
        this.moves = moves;
        this.messages = messages;
        this.cases = cases;
    }

    @PostMapping("/saker/{caseId}/flyttinger")
    String register(@PathVariable long caseId, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        // A case outside the actor's scope reads as not found; a role that may not register moves is refused.
        cases.summary(caseId, CurrentActor.get()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!MoveCommand.REGISTER_MOVE.allowedFor(CurrentActor.get().role())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        FormReader reader = new FormReader(params);
        List<Long> persons = new ArrayList<>();
        params.keySet().stream().filter(k -> k.matches("person-\\d{1,18}")).forEach(k -> persons.add(Long.parseLong(k.substring(7))));
        SecondaryMoves.MoveForm form = new SecondaryMoves.MoveForm(persons, reader.date("movedOn"), reader.text("toMunicipality"),
                reader.choice("reason", MoveReason.class), reader.yesNo("agreed"), reader.text("note"));
        Map<String, String> errors = new LinkedHashMap<>(reader.errors(messages));
        if (errors.isEmpty()) {
            CommandResult<List<Long>> result = CommandResult.attempt(() -> moves.register(CurrentActor.get(), caseId, form));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("moves.registered.ok", result.value().size()));
                return "redirect:/saker/" + caseId;
            }
            messages.byField(result.failure()).forEach((field, text) -> errors.put("move-" + (field.isEmpty() ? "movedOn" : field), text));
        } else {
            Map<String, String> prefixed = new LinkedHashMap<>();
            errors.forEach((field, text) -> prefixed.put("move-" + field, text));
            errors.clear();
            errors.putAll(prefixed);
        }
        redirect.addFlashAttribute("moveErrors", errors);
        redirect.addFlashAttribute("moveForm", params);
        return "redirect:/saker/" + caseId;
    }
}
