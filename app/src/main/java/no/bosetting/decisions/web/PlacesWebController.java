package no.bosetting.decisions.web;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.decisions.PlacesUsed;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.municipalities.Municipalities;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agency's overview of every municipality's decision against places used. */
@Controller
class PlacesWebController {

    private final java.time.Clock clock;

    private final SettlementDecisions decisions;
    private final Municipalities municipalities;

    public PlacesWebController(SettlementDecisions decisions, Municipalities municipalities, java.time.Clock clock) {
        this.clock = clock;
        this.decisions = decisions;
        this.municipalities = municipalities;
    }

    @GetMapping("/kapasitet")
    String places(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        List<PlacesUsed> rows = decisions.placesForYear(y);
        model.addAttribute("year", y);
        model.addAttribute("rows", rows);
        model.addAttribute("totalDecided", rows.stream().mapToInt(r -> r.decided() == null ? 0 : r.decided()).sum());
        model.addAttribute("totalSettled", rows.stream().mapToInt(PlacesUsed::settled).sum());
        model.addAttribute("totalAccepted", rows.stream().mapToInt(PlacesUsed::acceptedNotSettled).sum());
        model.addAttribute("municipalities", municipalities);
        return "decisions/places";
    }
}
