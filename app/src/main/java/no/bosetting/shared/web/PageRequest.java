package no.bosetting.shared.web;

import java.util.List;
import java.util.Map;

/**
 * What one page of a list asks for, read from the address: {@code page} (from 0), {@code size} (capped) and
 * {@code sort} (a whitelisted {@link SortKey} name, {@code -} in front for descending). Anything unreadable or
 * unknown gives the list's default, so a hand-edited address never fails and never reaches SQL.
 */
public record PageRequest(int page, int size, SortKey sortKey, boolean descending, boolean defaultSort) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static PageRequest read(Map<String, String> query, List<SortKey> keys, String defaultSort) {
        return read(query, DEFAULT_SIZE, keys, defaultSort);
    }

    public static PageRequest read(Map<String, String> query, int defaultSize, List<SortKey> keys, String defaultSort) {
        int page = Math.max(0, number(query.get("page"), 0));
        int size = Math.min(MAX_SIZE, Math.max(1, number(query.get("size"), defaultSize)));
        String wanted = query.get("sort");
        SortKey key = wanted == null ? null : find(keys, wanted.startsWith("-") ? wanted.substring(1) : wanted);
        if (key != null) {
            return new PageRequest(page, size, key, wanted.startsWith("-"), false);
        }
        boolean desc = defaultSort.startsWith("-");
        SortKey fallback = find(keys, desc ? defaultSort.substring(1) : defaultSort);
        if (fallback == null) {
            throw new IllegalArgumentException("Unknown default sort " + defaultSort);
        }
        return new PageRequest(page, size, fallback, desc, true);
    }

    /** The order of a list that has only its SQL's own: no {@code sort} parameter, nothing for SQL to take from it. */
    private static final SortKey FIXED = new SortKey("fixed", "", "");

    /**
     * Page and size for a list in one fixed order (its SQL's own): {@code sort} in the address is ignored and never
     * written into the pager's links.
     */
    public static PageRequest inFixedOrder(Map<String, String> query) {
        return inFixedOrder(query, DEFAULT_SIZE);
    }

    public static PageRequest inFixedOrder(Map<String, String> query, int defaultSize) {
        int page = Math.max(0, number(query.get("page"), 0));
        int size = Math.min(MAX_SIZE, Math.max(1, number(query.get("size"), defaultSize)));
        return new PageRequest(page, size, FIXED, false, true);
    }

    /** The first page of {@code size} rows in the default order: for callers that show a short list. */
    public static PageRequest first(int size, List<SortKey> keys, String defaultSort) {
        return read(Map.of("size", String.valueOf(size)), size, keys, defaultSort);
    }

    private static SortKey find(List<SortKey> keys, String name) {
        return keys.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }

    private static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The SQL {@code order by} list (without the words), from the whitelisted key only. */
    public String orderBy() {
        return descending ? sortKey.descending() : sortKey.ascending();
    }

    public long offset() {
        return (long) page * size;
    }

    /** The value of the {@code sort} parameter that gives this order, or null for the list's default. */
    public String sortParameter() {
        return defaultSort ? null : (descending ? "-" : "") + sortKey.name();
    }

    /** The same request on another page. */
    public PageRequest onPage(int other) {
        return new PageRequest(other, size, sortKey, descending, defaultSort);
    }

    /** This page, or the last page of {@code total} rows when this one is past it (an address kept from a longer list). */
    public PageRequest clampedTo(long total) {
        return onPage((int) Math.min(page, Math.max(0, (total - 1) / size)));
    }

    public <T> ListPage<T> result(List<T> items, long total, Map<String, String> filters) {
        return new ListPage<>(items, total, this, filters);
    }
}
