package no.bosetting.statistics.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.bosetting.statistics.ProgressRow;
import no.bosetting.shared.web.ListPage;
import no.bosetting.shared.web.PageRequest;
import org.springframework.ui.Model;

/**
 * The statistics page's table of all 357 municipalities, searchable by name, number or county and shown a page at a
 * time with the list component (issue 16 point 12: the table was one 357-row page that scrolled sideways). The rows
 * are the page's own computed statistics, so the search and paging run over them, in the order the page gives them.
 */
final class MunicipalityTable {

    static final int PAGE_SIZE = 25;

    private MunicipalityTable() {
    }

    @SuppressWarnings("unchecked")
    static void page(Model model, Map<String, String> query) {
        List<ProgressRow> rows = (List<ProgressRow>) model.getAttribute("municipalityRows");
        String search = query.getOrDefault("kommune", "").trim();
        String wanted = search.toLowerCase(Locale.ROOT);
        List<ProgressRow> matching = wanted.isEmpty() ? rows : rows.stream()
                .filter(r -> (r.key() + " " + r.name() + " " + (r.countyName() == null ? "" : r.countyName()))
                        .toLowerCase(Locale.ROOT).contains(wanted))
                .toList();
        PageRequest request = PageRequest.inFixedOrder(query, PAGE_SIZE);
        int from = (int) Math.min(matching.size(), request.offset());
        int to = Math.min(matching.size(), from + request.size());
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("year", String.valueOf(model.getAttribute("year")));
        filters.put("kart", query.get("kart"));
        filters.put("kommune", search);
        ListPage<ProgressRow> page = request.result(matching.subList(from, to), matching.size(), filters);
        model.addAttribute("municipalityPage", page);
        model.addAttribute("municipalitySearch", search);
    }
}
