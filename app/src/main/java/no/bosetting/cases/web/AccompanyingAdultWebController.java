package no.bosetting.cases.web;

import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.AccompanyingAdult;
import no.bosetting.cases.AccompanyingAdults;
import no.bosetting.cases.CaseCommand;
import no.bosetting.cases.CaseQueries;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The caseworker records, corrects or removes an unaccompanied minor's accompanying adult on the case page. */
@Controller
class AccompanyingAdultWebController {

    private static final String[] FIELDS = {"givenName", "familyName", "birthDate", "relationToMinor", "dufNumber"};

    private final AccompanyingAdults adults;
    private final CaseQueries cases;
    private final Messages messages;

    AccompanyingAdultWebController(AccompanyingAdults adults, CaseQueries cases, Messages messages) {
        this.adults = adults;
        this.cases = cases;
        this.messages = messages;
    }

    @PostMapping("/saker/{id}/folgeperson")
    String set(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        cases.summary(id, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!CaseCommand.SET_ACCOMPANYING_ADULT.allowedFor(actor.role())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        FormReader r = new FormReader(params);
        AccompanyingAdults.Input input = new AccompanyingAdults.Input(r.text("givenName"), r.text("familyName"),
                r.date("birthDate"), r.choice("relationToMinor", AccompanyingAdult.Kind.class), r.text("dufNumber"));
        Map<String, String> errors = new LinkedHashMap<>();
        r.problems().forEach((field, key) -> errors.put("acc-" + field, messages.get(key)));
        adults.validate(input).forEach(p -> errors.putIfAbsent("acc-" + p.field(), messages.of(p)));
        if (errors.isEmpty()) {
            CommandResult<AccompanyingAdult> result = CommandResult.attempt(() -> adults.set(id, input, actor));
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("accompanying.saved"));
                return "redirect:/saker/" + id;
            }
            refuse(result.failure(), errors);
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String f : FIELDS) {
            form.put(f, params.getOrDefault(f, ""));
        }
        redirect.addFlashAttribute("accompanyingErrors", errors);
        redirect.addFlashAttribute("accompanyingForm", form);
        return "redirect:/saker/" + id;
    }

    @PostMapping("/saker/{id}/folgeperson/fjern")
    String remove(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        cases.summary(id, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CommandResult<Void> result = CommandResult.attempt(() -> adults.remove(id, reason, actor));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("accompanying.removed"));
            return "redirect:/saker/" + id;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        refuse(result.failure(), errors);
        redirect.addFlashAttribute("accompanyingRemoveErrors", Map.of("removeReason", errors.values().iterator().next()));
        return "redirect:/saker/" + id;
    }

    private void refuse(CommandFailure failure, Map<String, String> errors) {
        if (failure instanceof CommandFailure.NotFound) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (failure instanceof CommandFailure.NotAllowed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String field = failure instanceof CommandFailure.RuleBroken rb && rb.field() != null && !rb.field().isBlank()
                ? "acc-" + rb.field() : "";
        errors.put(field, messages.of(failure));
    }
}
