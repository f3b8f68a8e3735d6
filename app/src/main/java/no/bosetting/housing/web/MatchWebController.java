package no.bosetting.housing.web;

import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseSummary;
import no.bosetting.housing.Dwelling;
import no.bosetting.housing.Dwellings;
import no.bosetting.housing.HousingMatches;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Suggested dwellings for one accepted household, and reserving one of them. */
@Controller
class MatchWebController {

    private final HousingMatches matches;
    private final Dwellings dwellings;
    private final Messages messages;

    public MatchWebController(HousingMatches matches, Dwellings dwellings, Messages messages) {
        this.matches = matches;
        this.dwellings = dwellings;
        this.messages = messages;
    }

    @GetMapping("/kommune/boliger/husstand/{caseId}")
    String suggestions(@PathVariable long caseId, Model model) {
        Actor actor = CurrentActor.get();
        CaseSummary household = matches.household(actor, caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("household", household);
        model.addAttribute("roomsNeeded", HousingMatches.roomsNeeded(household));
        model.addAttribute("needsAccessible", matches.needsAccessibleDwelling(caseId));
        model.addAttribute("reserved", dwellings.reservedFor(actor, caseId).orElse(null));
        model.addAttribute("suggestions", matches.suggestions(actor, caseId));
        return "housing/match";
    }

    @PostMapping("/kommune/boliger/husstand/{caseId}/reserver")
    String reserve(@PathVariable long caseId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        Long dwellingId = new FormReader(form).id("dwellingId");
        matches.household(actor, caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (dwellingId == null) {
            redirect.addFlashAttribute("error", messages.get("housing.error.choose"));
            return "redirect:/kommune/boliger/husstand/" + caseId;
        }
        CommandResult<Dwelling> result = CommandResult.attempt(() -> dwellings.reserve(actor, dwellingId, caseId));
        if (result.isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("housing.match.reserved", result.value().address()));
        } else {
            redirect.addFlashAttribute("error", messages.of(result.failure()));
        }
        return "redirect:/kommune/boliger/husstand/" + caseId;
    }
}
