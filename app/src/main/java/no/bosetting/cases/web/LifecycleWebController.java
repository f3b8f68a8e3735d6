package no.bosetting.cases.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseAbsence;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseLifecycle;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.LivingSituations;
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

/**
 * The life-cycle forms on the case page (issue 20 items 3 and 4, fragment {@code cases/lifecycle}): a new or corrected
 * living-situation period, a temporary absence and the return, the municipality's hold-or-release choice, withdrawing an
 * offer and reopening a closed case. Each form's fields are named with its prefix (so the error summary links to the
 * field); a refusal comes back next to the field, in Norwegian, with what was typed.
 */
@Controller
class LifecycleWebController {

    private final CaseQueries queries;
    private final LivingSituations living;
    private final CaseLifecycle lifecycle;
    private final CaseCommands commands;
    private final Messages messages;
    private final no.bosetting.access.TwoStepControl twoStep;

    LifecycleWebController(CaseQueries queries, LivingSituations living, CaseLifecycle lifecycle, CaseCommands commands,
                           Messages messages, no.bosetting.access.TwoStepControl twoStep) {
        this.twoStep = twoStep;
        this.queries = queries;
        this.living = living;
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.messages = messages;
    }

    @PostMapping("/saker/{id}/bosituasjon")
    String record(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = inScope(id);
        FormReader r = new FormReader(form);
        LivingSituation kind = r.choice("livingKind", LivingSituation.class);
        var from = r.date("livingFrom");
        Long centre = r.id("livingReceptionCentreId");
        String municipality = r.text("livingMunicipalityNumber");
        return after(id, r, form, "living", redirect, "case.living.recorded",
                () -> living.record(id, actor, kind, from, centre, municipality));
    }

    @PostMapping("/saker/{id}/bosituasjon/rett")
    String correct(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = inScope(id);
        FormReader r = new FormReader(form);
        var period = r.date("correctPeriod");
        LivingSituation kind = r.choice("correctKind", LivingSituation.class);
        var from = r.date("correctFrom");
        Long centre = r.id("correctReceptionCentreId");
        String municipality = r.text("correctMunicipalityNumber");
        String reason = r.raw("correctReason");
        return after(id, r, form, "correct", redirect, "case.living.corrected",
                () -> living.correct(id, actor, period, kind, from, centre, municipality, reason));
    }

    @PostMapping("/saker/{id}/fravaer")
    String absent(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = inScope(id);
        FormReader r = new FormReader(form);
        var from = r.date("absenceFrom");
        var back = r.date("absenceExpectedReturn");
        String reason = r.raw("absenceReason");
        return after(id, r, form, "absence", redirect, "case.absence.recorded",
                () -> lifecycle.markAbsent(id, actor, from, back, reason));
    }

    @PostMapping("/saker/{id}/tilbake")
    String back(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = inScope(id);
        FormReader r = new FormReader(form);
        var date = r.date("backReturnedOn");
        return after(id, r, form, "back", redirect, "case.absence.returned", () -> lifecycle.returnFromAbsence(id, actor, date));
    }

    /** The accepting municipality's choice while the household is away; after releasing, the case is no longer its own. */
    @PostMapping("/saker/{id}/plasser")
    String places(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = inScope(id);
        FormReader r = new FormReader(form);
        CaseAbsence.PlacesChoice choice = r.choice("placesChoice", CaseAbsence.PlacesChoice.class);
        String target = after(id, r, form, "places", redirect,
                choice == CaseAbsence.PlacesChoice.RELEASE ? "case.places.released" : "case.places.held",
                () -> lifecycle.choosePlaces(id, actor, choice));
        return queries.summary(id, actor).isEmpty() ? "redirect:/kommune" : target;
    }

    @PostMapping("/saker/{id}/trekk-tilbud")
    String withdraw(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = inScope(id);
        FormReader r = new FormReader(form);
        String reason = r.raw("withdrawReason");
        return after(id, r, form, "withdraw", redirect, "case.offer.withdrawn", () -> twoStep.orNow(no.bosetting.access.TwoStepControl.Kind.WITHDRAW_OFFER, id, actor, Map.of("reason", reason == null ? "" : reason), () -> commands.withdrawOffer(id, actor, reason)));
    }

    @PostMapping("/saker/{id}/gjenapne")
    String reopen(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = inScope(id);
        FormReader r = new FormReader(form);
        String reason = r.raw("reopenReason");
        return after(id, r, form, "reopen", redirect, "case.reopened", () -> lifecycle.reopen(id, actor, reason));
    }

    /**
     * Runs the command when every field could be read; otherwise, or when it is refused, the errors (keyed by the form's
     * prefix + the domain field) and what was typed go back to the case page.
     */
    private String after(long id, FormReader r, Map<String, String> form, String prefix, RedirectAttributes redirect,
                         String successKey, java.util.function.Supplier<CommandResult<?>> command) {
        Map<String, String> errors = r.errors(messages);
        if (errors.isEmpty()) {
            CommandResult<?> result = command.get();
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get(no.bosetting.access.TwoStepControl.successKey(result, successKey)));
                return "redirect:/saker/" + id;
            }
            errors = rekey(messages.byField(result.failure()), f -> f.isEmpty() ? f : prefix + Character.toUpperCase(f.charAt(0)) + f.substring(1));
        }
        redirect.addFlashAttribute(prefix + "Errors", errors);
        redirect.addFlashAttribute(prefix + "Form", new LinkedHashMap<>(form));
        return "redirect:/saker/" + id;
    }

    private static Map<String, String> rekey(Map<String, String> errors, Function<String, String> key) {
        Map<String, String> result = new LinkedHashMap<>();
        errors.forEach((k, v) -> result.putIfAbsent(key.apply(k), v));
        return result;
    }

    /** Another unit's case answers "not found" before any input is looked at, as its page does. */
    private Actor inScope(long id) {
        Actor actor = CurrentActor.get();
        queries.summary(id, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return actor;
    }
}
