package no.bosetting.access.web;

import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final UserAccounts accounts;
    private final boolean demo;

    public LoginController(UserAccounts accounts, @Value("${bosetting.demo-data.enabled:false}") boolean demo) {
        this.accounts = accounts;
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(Model model) {
        List<Actor> demoUsers = demo ? accounts.demoUsers() : List.of();
        model.addAttribute("demoUsers", demoUsers);
        return "login";
    }

    /** Each role starts where its work is. */
    @GetMapping("/")
    String home() {
        Actor actor = CurrentActor.get();
        return switch (actor.role()) {
            case AGENCY_CASEWORKER, AGENCY_ADMIN -> "redirect:/saker";
            case AGENCY_PLANNER, STATISTICS_READER -> "redirect:/statistikk";
            case MUNICIPALITY_OFFICER -> "redirect:/kommune";
            case RECEPTION_STAFF -> "redirect:/mottak";
            case REFUGEE -> "redirect:/min-side";
        };
    }

}
