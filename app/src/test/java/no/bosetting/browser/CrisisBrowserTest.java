package no.bosetting.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Page;
import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.crisis.CrisisModes;
import no.bosetting.crisis.CrisisSettings;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crisis mode's pages (issue 18 item 1) in the browser with the axe audit (WCAG 2.1 AA), with and without errors: the
 * agency's crisis page, the refugee's joint fast-track application in bokmål, English and Ukrainian, the municipality's
 * signature and notifications, the agency's fast-track and notification lists, and the daily figures on the public
 * statistics page. One joint application goes from the refugee through the municipality to the agency's acceptance.
 */
@BrowserTest
class CrisisBrowserTest {

    /** No other test uses it. */
    private static final String MUNICIPALITY = "1557";

    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CrisisModes modes;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void noCrisis() {
        jdbc.sql("delete from crisis_period").update();
    }

    private Actor user(Actor actor) {
        accounts.createIfMissing(actor, Browsing.PASSWORD, null);
        return actor;
    }

    @Test
    void theCrisisPagesAreAccessibleAndAJointApplicationGoesFromTheRefugeeToAnAcceptedProposal(Browsing browsing) {
        jdbc.sql("delete from crisis_period").update();
        PageAudit audit = new PageAudit(browsing);
        LocalDate planned = TestClock.today().plusDays(14);
        fixtures.resetMunicipality(MUNICIPALITY);
        fixtures.decidePlannedYear(MUNICIPALITY, planned, 20, 0);
        long caseId = fixtures.household(fixtures.centre(MUNICIPALITY), 1);
        fixtures.ready(caseId);
        String duf = jdbc.sql("select duf_number from person where case_id = :c and relation = 'MAIN'").param("c", caseId)
                .query(String.class).single();

        // The planner: a reason is required (refused at the field), then crisis mode is on.
        Page planner = browsing.login(user(fixtures.planner()));
        planner.navigate(browsing.url("/krise"));
        audit.check(planner, "/krise");
        planner.fill("#reason", "");
        browsing.submit(planner, planner.locator("form[action$='/krise'] button[type=submit]"));
        assertThat(planner.locator("#reason-error").textContent()).contains("begrunnelse");
        audit.check(planner, "/krise with an error");
        modes.switchOn(fixtures.planner(), new CrisisSettings(TestClock.today().minusDays(3), null, "Massefluktsituasjon", "MAMOT-test",
                TestClock.today().minusDays(3), null, 10_000, null)).value();
        planner.navigate(browsing.url("/krise"));
        audit.check(planner, "/krise while on");

        // The refugee signs in and starts the joint application, in three languages.
        Page refugee = browsing.open("refugee-crisis");
        refugee.setViewportSize(320, 800);
        browsing.signInRefugee(refugee, duf, "nb");
        for (String lang : List.of("nb", "en", "uk")) {
            refugee.navigate(browsing.url("/min-side/hurtigspor?lang=" + lang));
            assertThat(refugee.getAttribute("html", "lang")).isEqualTo(lang);
            audit.check(refugee, "/min-side/hurtigspor in " + lang);
            browsing.submit(refugee, refugee.locator("main form button[type=submit]"));
            assertThat(refugee.locator(".error-summary").isVisible()).isTrue();
            audit.check(refugee, "/min-side/hurtigspor with errors in " + lang);
        }
        refugee.navigate(browsing.url("/min-side/hurtigspor?lang=nb"));
        refugee.selectOption("#municipalityNumber", MUNICIPALITY);
        refugee.fill("#statement", "Vi bor hos en vertsfamilie i kommunen.");
        refugee.check("#consent");
        browsing.submit(refugee, refugee.locator("main form button[type=submit]"));
        assertThat(refugee.locator("main").textContent()).contains("Venter på kommunens signatur");
        audit.check(refugee, "/min-side/hurtigspor after signing");

        // The agency cannot accept it before the municipality has signed.
        Page agency = browsing.login(user(fixtures.caseworker()));
        agency.navigate(browsing.url("/krise/hurtigspor"));
        audit.check(agency, "/krise/hurtigspor");
        browsing.submit(agency, agency.locator(".card:has-text('Venter på kommunens signatur') button:text-is('Godta')").first());
        assertThat(agency.locator(".error-summary").textContent()).contains("Kommunen har ikke signert");
        audit.check(agency, "/krise/hurtigspor with an error");

        // The municipality co-signs in its inbox (a missing date refused at the field), and notifies a named refugee.
        Page officer = browsing.login(user(fixtures.municipality(MUNICIPALITY)));
        officer.navigate(browsing.url("/kommune/hurtigspor"));
        audit.check(officer, "/kommune/hurtigspor");
        browsing.submit(officer, officer.locator("form[action$='/signer'] button[type=submit]").first());
        assertThat(officer.locator(".error-summary").isVisible()).isTrue();
        audit.check(officer, "/kommune/hurtigspor with an error");
        officer.locator("form[action$='/signer'] input[type=date]").first().fill(planned.toString());
        browsing.submit(officer, officer.locator("form[action$='/signer'] button[type=submit]").first());
        assertThat(officer.locator("main").textContent()).contains("Signert av begge");
        officer.navigate(browsing.url("/kommune/innmeldinger"));
        audit.check(officer, "/kommune/innmeldinger");
        browsing.submit(officer, officer.locator("form[action$='/innmeldinger'] button[type=submit]"));
        audit.check(officer, "/kommune/innmeldinger with errors");
        officer.fill("#name", "Olena Testenko");
        officer.fill("#reason", "Bor hos vertsfamilie her; vi vil bosette familien.");
        browsing.submit(officer, officer.locator("form[action$='/innmeldinger'] button[type=submit]"));
        assertThat(officer.locator("main").textContent()).contains("Olena Testenko");

        // The agency accepts: an accepted proposal, places taken.
        agency.navigate(browsing.url("/krise/hurtigspor"));
        browsing.submit(agency, agency.locator(".card:has-text('Signert av begge') button:text-is('Godta')").first());
        assertThat(agency.locator(".alert.success").textContent()).contains("godtatt");
        assertThat(jdbc.sql("select status from settlement_case where id = :c").param("c", caseId).query(String.class).single())
                .isEqualTo("OFFERED");
        agency.navigate(browsing.url("/krise/innmeldinger"));
        audit.check(agency, "/krise/innmeldinger");
        officer.navigate(browsing.url("/kommune/hurtigspor"));
        System.out.println("[fast-track, the municipality's side]\n" + officer.locator("main").innerText());
        refugee.navigate(browsing.url("/min-side/hurtigspor?lang=nb"));
        System.out.println("[fast-track, the refugee's side]\n" + refugee.locator("main").innerText());
        refugee.navigate(browsing.url("/min-side/hurtigspor?lang=uk"));
        assertThat(refugee.locator("main").textContent()).contains("Прийнято");
        audit.check(refugee, "/min-side/hurtigspor accepted in uk");

        Page pub = browsing.open("public-crisis", "nb");
        pub.navigate(browsing.url("/offentlig/statistikk"));
        assertThat(pub.locator("#crisis-figures").isVisible()).isTrue();
        audit.check(pub, "/offentlig/statistikk with daily figures");
        audit.assertClean();
    }
}
