package no.bosetting.shared.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One page of a list with its total (a SQL {@code count(*)} over the same filter), the request that gave it and the
 * filters to keep in every link. The template {@code fragments/list} shows "Viser 1–50 av 3 025", the pager and the
 * sortable column headers from it.
 */
public record ListPage<T>(List<T> items, long total, PageRequest request, Map<String, String> filters) {

    public ListPage {
        items = List.copyOf(items);
        Map<String, String> kept = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.isBlank() && !k.equals("page") && !k.equals("sort") && !k.equals("size")) {
                kept.put(k, v);
            }
        });
        filters = kept;
    }

    public int page() {
        return request.page();
    }

    public int size() {
        return request.size();
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size() - 1) / size());
    }

    public boolean hasNext() {
        return page() + 1 < totalPages();
    }

    public boolean hasPrevious() {
        return page() > 0;
    }

    /** The number of the first row shown, counted from 1 (0 when the list is empty). */
    public long firstShown() {
        return items.isEmpty() ? 0 : request.offset() + 1;
    }

    /** The number of the last row shown (0 when no row is shown). */
    public long lastShown() {
        return items.isEmpty() ? 0 : request.offset() + items.size();
    }

    /** A page after the last one (an old link, a hand-typed {@code page=}): the list has rows, but none here. */
    public boolean pastTheEnd() {
        return items.isEmpty() && total > 0;
    }

    /** The pages to link: the first, the last and two either side of this one (null marks a gap). */
    public List<Integer> pageLinks() {
        List<Integer> pages = new ArrayList<>();
        int last = totalPages() - 1;
        for (int p = 0; p <= last; p++) {
            if (p == 0 || p == last || Math.abs(p - page()) <= 2) {
                pages.add(p);
            } else if (!pages.isEmpty() && pages.get(pages.size() - 1) != null) {
                pages.add(null);
            }
        }
        return pages;
    }

    /** The query string ({@code ?…}) of another page, keeping the filters and the order. */
    public String pageQuery(int other) {
        return query(request.sortParameter(), other);
    }

    /** The query string that sorts by {@code key}: ascending first, reversed when it is already ascending; page 1. */
    public String sortQuery(String key) {
        boolean ascendingNow = request.sortKey().name().equals(key) && !request.descending();
        return query(ascendingNow ? "-" + key : key, 0);
    }

    /** {@code aria-sort} of a column header: the direction on the sorted column, none on the others. */
    public String ariaSort(String key) {
        if (!request.sortKey().name().equals(key)) {
            return "none";
        }
        return request.descending() ? "descending" : "ascending";
    }

    private String query(String sort, int other) {
        Map<String, String> params = new LinkedHashMap<>(filters);
        if (sort != null) {
            params.put("sort", sort);
        }
        if (request.size() != PageRequest.DEFAULT_SIZE) {
            params.put("size", String.valueOf(request.size()));
        }
        if (other > 0) {
            params.put("page", String.valueOf(other));
        }
        if (params.isEmpty()) {
            return "";
        }
        return "?" + params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
