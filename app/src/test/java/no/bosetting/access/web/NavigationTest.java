package no.bosetting.access.web;

import java.util.Locale;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff navigation written in Java (issue 22 item 2) is the one the layout wrote before: per role the same items,
 * the page's own item marked {@code aria-current="page"}, the "Mer" group marked current when the page is in it, the
 * counts with their spoken labels, in the page's language, the labels escaped.
 */
@IntegrationTest
class NavigationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    private String nav(Actor actor, String path) throws Exception {
        String page = mvc.perform(get(path).with(as(actor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        int header = page.indexOf("<header");
        return page.substring(page.indexOf("<nav", header), page.indexOf("</nav>", header) + "</nav>".length());
    }

    @Test
    void aCaseworkerSeesTheAgencysItemsWithTheCaseListCurrent() throws Exception {
        String nav = nav(fixtures.caseworker(), "/saker");
        assertThat(nav).startsWith("<nav aria-label=\"Hovedmeny\">")
                .contains("<a href=\"/saker\" aria-current=\"page\">Saker</a>", "<a href=\"/import\">Import</a>",
                        "<a href=\"/fordeling\">Fordeling</a>", "<a href=\"/forslag\">Forslag og svar</a>",
                        "<a href=\"/godkjenninger\">", "<a href=\"/krise\">", "<a href=\"/selvbosetting\">",
                        "<a href=\"/statistikk\">", "<a href=\"/varsler\">")
                .doesNotContain("/kommune", "/mottak", "/fordeling/policy", "<summary class=\"current\">");
        // Capacity is in "Mer" for the caseworker, so the group is marked current on its pages.
        String capacity = nav(fixtures.caseworker(), "/kapasitet");
        assertThat(capacity).contains("<summary class=\"current\">", "<a href=\"/kapasitet\" aria-current=\"page\">")
                .contains("<a href=\"/kapasitet/anmodninger\">").doesNotContain("<a href=\"/saker\" aria-current");
    }

    @Test
    void aPlannerHasCapacityAtTheTopAndTheRequestsPageIsNotAlsoTheDecisionsPage() throws Exception {
        String nav = nav(fixtures.planner(), "/kapasitet/anmodninger");
        assertThat(nav).contains("<a href=\"/kapasitet\">", "<a href=\"/kapasitet/anmodninger\" aria-current=\"page\">")
                .doesNotContain("<a href=\"/import\">", "<a href=\"/fordeling\">", "<summary class=\"current\">");
    }

    @Test
    void aMunicipalityOfficerSeesTheMunicipalitysItemsAndTheStartPageOnlyWhenOnIt() throws Exception {
        Actor officer = fixtures.municipality("4601");
        assertThat(nav(officer, "/kommune")).contains("<a href=\"/kommune\" aria-current=\"page\">",
                "<a href=\"/kommune/forslag\">", "<a href=\"/kommune/vedtak\">", "<a href=\"/kommune/tilskudd\">",
                "<a href=\"/kommune/hurtigspor\">", "<a href=\"/kommune/selvbosetting\">")
                .doesNotContain("<a href=\"/import\">", "<a href=\"/tilskudd\">");
        String housing = nav(officer, "/kommune/boliger");
        assertThat(housing).contains("<summary class=\"current\">", "<a href=\"/kommune/boliger\" aria-current=\"page\">")
                .doesNotContain("<a href=\"/kommune\" aria-current");
    }

    @Test
    void receptionStaffHaveResidentsAndNotificationsAtTheTopInEnglishToo() throws Exception {
        Actor staff = fixtures.reception(fixtures.centre("3101"));
        String nav = nav(staff, "/mottak?lang=en");
        assertThat(nav).startsWith("<nav aria-label=\"Main menu\">")
                .contains("<a href=\"/mottak\" aria-current=\"page\">Residents</a>", "<a href=\"/varsler\"><span>")
                .doesNotContain("<a href=\"/saker\">", "Beboere");
        assertThat(nav.indexOf("/varsler")).as("Notifications at the top, before the group").isLessThan(nav.indexOf("<details>"));
        assertThat(nav.indexOf("/varsler")).isEqualTo(nav.lastIndexOf("/varsler"));
    }

    @Test
    void countsCarryTheirSpokenLabelAndLabelsAreEscaped() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        messages.addMessage("nav.residents", Locale.ROOT, "Beboere <&> \"alle\"");
        messages.addMessage("nav.unread", Locale.ROOT, "{0} uleste varsler");
        messages.addMessage("deadlines.nav.count", Locale.ROOT, "{0} åpne oppgaver");
        LocaleContextHolder.setLocale(Locale.ROOT);
        try {
            Actor staff = new Actor("mottak-x", "Mottak X", Role.RECEPTION_STAFF, null, 1L);
            String html = new Navigation(messages).html(staff, "/mottak", 3L, null, 2L);
            assertThat(html).contains("Beboere &lt;&amp;&gt; &quot;alle&quot;")
                    .contains("<span class=\"tag\" aria-label=\"3 åpne oppgaver\">3</span>")
                    .contains("<span class=\"tag\" aria-label=\"2 uleste varsler\">2</span>");
            assertThat(new Navigation(messages).html(staff, "/mottak", 0L, null, 0L)).doesNotContain("class=\"tag\"");
            assertThat(new Navigation(messages).html(null, "/mottak", 0L, null, 0L)).isEmpty();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
