package no.bosetting.shared.web;

/**
 * One column a list may be sorted by: the name the address carries ({@code sort=waited} or {@code sort=-waited}) and
 * the SQL {@code order by} for each direction. Only whitelisted keys reach SQL; the SQL is the list's own constant.
 */
public record SortKey(String name, String ascending, String descending) {
}
