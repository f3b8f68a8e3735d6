package no.bosetting.selfsettlement.web;

import java.time.Clock;
import java.time.LocalDate;

import no.bosetting.selfsettlement.DecisionTarget;
import no.bosetting.selfsettlement.SelfSettlementOverview;
import no.bosetting.statistics.SmallCells;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public list of municipalities that accept ASB (no login), and the staff statistics. */
@Controller
class PublicSelfSettlementController {

    private final SelfSettlementOverview overview;
    private final Clock clock;

    PublicSelfSettlementController(SelfSettlementOverview overview, Clock clock) {
        this.overview = overview;
        this.clock = clock;
    }

    @GetMapping("/offentlig/selvbosetting")
    String publicPage(Model model) {
        model.addAttribute("municipalities", overview.publicList());
        model.addAttribute("few", SelfSettlementOverview.FEW);
        return "selfsettlement/public";
    }

    @GetMapping("/statistikk/selvbosetting")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int thisYear = LocalDate.now(clock).getYear();
        int y = year == null || year < thisYear - 10 || year > thisYear + 1 ? thisYear : year;
        model.addAttribute("year", y);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(thisYear - 4, thisYear).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        SelfSettlementOverview.Statistics statistics = overview.statistics(y);
        model.addAttribute("outcomes", statistics.outcomes());
        model.addAttribute("reasons", statistics.reasons());
        model.addAttribute("times", statistics.times());
        model.addAttribute("variants", statistics.variants());
        model.addAttribute("targetDays", DecisionTarget.WORKING_DAYS);
        model.addAttribute("threshold", SmallCells.THRESHOLD);
        return "selfsettlement/statistics";
    }
}
