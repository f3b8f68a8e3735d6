package no.bosetting.grants.web;

import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The municipality officer's own grants: this year and the next four, per person and in total, and a person's schedule. */
@Controller
class MunicipalityGrantController {

    private final GrantPageSupport support;

    MunicipalityGrantController(GrantPageSupport support) {
        this.support = support;
    }

    private static String own() {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.MUNICIPALITY_OFFICER) || actor.municipalityNumber() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return actor.municipalityNumber();
    }

    @GetMapping("/kommune/tilskudd")
    String page(@RequestParam Map<String, String> query, Model model) {
        return support.municipalityPage(model, CurrentActor.get(), own(), query, "/kommune/tilskudd", "/kommune/tilskudd/personer/");
    }

    @GetMapping("/kommune/tilskudd/eksport.csv")
    ResponseEntity<byte[]> csv() {
        String number = own();
        return GrantPageSupport.csv(support.municipalityTable(number, CurrentActor.get()), "tilskudd-" + number + ".csv");
    }

    @GetMapping("/kommune/tilskudd/eksport.xlsx")
    ResponseEntity<byte[]> xlsx() {
        String number = own();
        return GrantPageSupport.xlsx(support.municipalityTable(number, CurrentActor.get()), "tilskudd-" + number + ".xlsx");
    }

    @GetMapping("/kommune/tilskudd/personer/{personId}")
    String person(@PathVariable long personId, Model model) {
        String number = own();
        model.addAttribute("back", "/kommune/tilskudd");
        return support.personPage(model, CurrentActor.get(), personId, number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
