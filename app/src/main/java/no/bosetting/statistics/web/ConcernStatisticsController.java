package no.bosetting.statistics.web;

import java.util.LinkedHashMap;
import java.util.Map;

import no.bosetting.concerns.ConcernReports;
import no.bosetting.statistics.SmallCells;
import no.bosetting.statistics.StatisticsQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Concern reports counted without personal data (issue 18 item 3): per concern and per referral in a year, every count
 * from 1 to 4 withheld by the small-cell rule ({@link SmallCells}). No total is shown beside the parts (a report can
 * have several concerns, and a total beside withheld parts would give them away).
 */
@Controller
class ConcernStatisticsController {

    private final ConcernReports reports;
    private final StatisticsQueries queries;

    ConcernStatisticsController(ConcernReports reports, StatisticsQueries queries) {
        this.reports = reports;
        this.queries = queries;
    }

    @GetMapping("/statistikk/bekymringer")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int y = queries.yearOrCurrent(year);
        ConcernReports.Counts counts = reports.counts(y);
        Map<String, Integer> byIndicator = new LinkedHashMap<>();
        counts.byIndicator().forEach((k, v) -> byIndicator.put("concern.indicator." + k.name(), SmallCells.count(v)));
        Map<String, Integer> byReferral = new LinkedHashMap<>();
        counts.byReferral().forEach((k, v) -> byReferral.put("concern.referral." + k.name(), SmallCells.count(v)));
        model.addAttribute("year", y);
        model.addAttribute("byIndicator", byIndicator);
        model.addAttribute("byReferral", byReferral);
        return "statistics/concerns";
    }
}
