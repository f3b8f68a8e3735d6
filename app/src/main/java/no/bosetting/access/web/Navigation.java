package no.bosetting.access.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.HtmlUtils;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;

/**
 * The staff navigation of every page (issue 16 point 12: at most seven top items per role, the rest in the "Mer" group,
 * a disclosure that works without JavaScript), written here in one pass (issue 22 item 2). In the layout it was some
 * sixty expressions per view with the role rules spread over them; here the rules per role are plain Java a unit test
 * can read. It was moved in the hope of speed, and measured interleaved it made no measurable difference (README, "Load
 * measured against PostgreSQL itself"). The labels are HTML-escaped here, so the layout inserts the result unescaped:
 * {@code <nav th:with="navigationHtml=${@navigation.html(actor, currentPath, ...)}" th:utext="${navigationHtml}">}
 * (th:utext itself may not call a bean). Every link stays in the DOM, so each role's pages are still audited
 * (NoRawCodesOnPagesTest, the axe tests).
 */
@Component("navigation")
public class Navigation {

    private final MessageSource messages;

    Navigation(MessageSource messages) {
        this.messages = messages;
    }

    /** The {@code <ul>} inside the {@code <nav>} for this actor on this path; empty without an actor. */
    public String html(Actor actor, String currentPath, Long openWorkItems, Long messagesUnread, Long unreadNotifications) {
        if (actor == null) {
            return "";
        }
        Page page = new Page(LocaleContextHolder.getLocale(), currentPath == null ? "" : currentPath);
        Role role = actor.role();
        boolean cw = role == Role.AGENCY_CASEWORKER;
        boolean admin = role == Role.AGENCY_ADMIN;
        boolean agency = actor.isAgency();
        boolean muni = role == Role.MUNICIPALITY_OFFICER;
        boolean rec = role == Role.RECEPTION_STAFF;
        String selfSettlementHome = agency ? "/selvbosetting" : "/kommune/selvbosetting";
        long unread = unreadNotifications == null ? 0 : unreadNotifications;
        boolean capacityCurrent = page.under("/kapasitet") && !page.under("/kapasitet/anmodninger");

        StringBuilder out = page.out;
        out.append("<ul>");
        if (agency) {
            page.item("/saker", "nav.cases", page.under("/saker"));
        }
        if (cw || admin) {
            page.item("/import", "nav.import", page.under("/import"));
        }
        if (cw) {
            page.item("/fordeling", "nav.allocation", page.under("/fordeling") && !page.under("/fordeling/policy"));
        }
        if (agency) {
            page.item("/forslag", "nav.proposals", page.under("/forslag"));
        }
        if (admin) {
            page.item("/fordeling/policy", "nav.policy", page.under("/fordeling/policy"));
        }
        if (agency && !cw && !admin) {
            page.item("/kapasitet", "nav.capacity", capacityCurrent);
            page.item("/kapasitet/anmodninger", "nav.requests", page.under("/kapasitet/anmodninger"));
        }
        if (muni) {
            page.item("/kommune", "nav.municipality", page.path.equals("/kommune"));
            page.item("/kommune/forslag", "nav.incoming", page.under("/kommune/forslag"));
            page.item("/saker", "nav.accepted", page.under("/saker"));
            page.item("/kommune/vedtak", "nav.councilDecision", page.under("/kommune/vedtak"));
        }
        if (rec) {
            page.item("/mottak", "nav.residents", page.under("/mottak"));
        }
        if (role.isStaff()) {
            page.itemWithCount("/oppgaver", "deadlines.nav", page.under("/oppgaver"), openWorkItems, "deadlines.nav.count");
        }
        if (messagesUnread != null) {
            page.itemWithCount("/meldinger", "message.nav", page.under("/meldinger"), messagesUnread, "message.navUnread");
        }
        if (rec) {
            page.itemWithCount("/varsler", "nav.notifications", page.under("/varsler"), unread, "nav.unread");
        }

        boolean moreCurrent = page.under("/statistikk") || page.under("/varsler") || page.under(selfSettlementHome)
                || page.under("/brevmaler") || page.under("/godkjenninger") || page.under("/tilskudd")
                || page.under("/kommune/tilskudd") || page.under("/krise") || page.under("/kommune/hurtigspor")
                || page.under("/kommune/innmeldinger") || page.under("/kommune/boliger")
                || ((cw || admin) && page.under("/kapasitet"));
        out.append("<li class=\"nav-more\"><details><summary").append(moreCurrent ? " class=\"current\"" : "")
                .append("><span>").append(page.text("nav.more")).append("</span>");
        if (!rec && unread > 0) {
            page.count(unread, "nav.unread");
        }
        out.append("</summary><ul>");
        if (cw || admin) {
            page.item("/kapasitet", "nav.capacity", capacityCurrent);
            page.item("/kapasitet/anmodninger", "nav.requests", page.under("/kapasitet/anmodninger"));
            page.item("/godkjenninger", "approval.nav", page.under("/godkjenninger"));
        }
        if (admin) {
            page.item("/brevmaler", "letters.nav", page.under("/brevmaler"));
        }
        if (muni) {
            page.item("/kommune/boliger", "housing.nav", page.under("/kommune/boliger") || page.under("/kommune/botilbud")
                    || page.under("/kommune/leieforhold") || page.under("/kommune/utleiere"));
        }
        if (agency) {
            page.item("/tilskudd", "grants.nav", page.under("/tilskudd"));
        }
        if (muni) {
            page.item("/kommune/tilskudd", "grants.nav", page.under("/kommune/tilskudd"));
        }
        if (agency || muni) {
            page.item(agency ? "/krise" : "/kommune/hurtigspor", "crisis.nav",
                    page.under("/krise") || page.under("/kommune/hurtigspor") || page.under("/kommune/innmeldinger"));
            page.item(selfSettlementHome, "selfsettlement.nav", page.under(selfSettlementHome));
        }
        page.item("/statistikk", "nav.statistics", page.under("/statistikk"));
        if (!rec) {
            page.itemWithCount("/varsler", "nav.notifications", page.under("/varsler"), unread, "nav.unread");
        }
        out.append("</ul></details></li></ul>");
        return out.toString();
    }

    /** One view's navigation being written: its language, its path and the links' prefix. */
    private final class Page {
        final Locale locale;
        final String path;
        final StringBuilder out = new StringBuilder(4096);
        private final ServletRequestAttributes request;

        Page(Locale locale, String path) {
            this.locale = locale;
            this.path = path;
            this.request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    ? attributes : null;
        }

        boolean under(String prefix) {
            return path.startsWith(prefix);
        }

        String text(String key, Object... args) {
            return HtmlUtils.htmlEscape(messages.getMessage(key, args, locale), "UTF-8");
        }

        /** As {@code @{path}} writes a link: the context path in front, and the session in the URL when needed. */
        String href(String target) {
            if (request == null) {
                return target;
            }
            String url = request.getRequest().getContextPath() + target;
            return HtmlUtils.htmlEscape(request.getResponse() == null ? url : request.getResponse().encodeURL(url), "UTF-8");
        }

        void open(String target, boolean current) {
            out.append("<li><a href=\"").append(href(target)).append('"');
            if (current) {
                out.append(" aria-current=\"page\"");
            }
            out.append('>');
        }

        void item(String target, String key, boolean current) {
            open(target, current);
            out.append(text(key)).append("</a></li>");
        }

        void itemWithCount(String target, String key, boolean current, Long n, String countKey) {
            open(target, current);
            out.append("<span>").append(text(key)).append("</span>");
            if (n != null && n > 0) {
                count(n, countKey);
            }
            out.append("</a></li>");
        }

        void count(long n, String countKey) {
            out.append(" <span class=\"tag\" aria-label=\"").append(text(countKey, n)).append("\">").append(n).append("</span>");
        }
    }
}
