package no.bosetting.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;

/**
 * The role journeys of the role simulations: each of {@code users} virtual users signs in once and walks its role's
 * pages in turn for {@code duration} seconds, {@code think} seconds (default 1) between pages. Run one with
 * {@code mvn -B -Pload -pl load-test gatling:test -Dgatling.simulationClass=no.bosetting.load.CaseworkerSimulation
 * -DcaseId=…}; bin/load-test measures the same requests one page at a time (PageSimulation) beside pgbench.
 */
final class Journeys {

    static final Duration THINK = Duration.ofMillis((long) (Double.parseDouble(System.getProperty("think", "1")) * 1000));

    /** Case list, filtered by status, a later page, then a case. */
    static PopulationBuilder caseworker() {
        return journey("caseworker", "saksbehandler",
                Chains.page("/saker", "/saker"),
                Chains.page("/saker?status=READY_FOR_ALLOCATION", "/saker?status=READY_FOR_ALLOCATION"),
                Chains.page("/saker?page=10", "/saker?page=10"),
                Chains.page("/saker/{id}", "/saker/" + Settings.CASE_ID));
    }

    /** Bergen: the start page, the inbox, a proposal; acceptances come from PageSimulation (kind=accept), at a low rate. */
    static PopulationBuilder municipality() {
        return journey("municipality", "kommune-bergen",
                Chains.page("/kommune", "/kommune"),
                Chains.page("/kommune/forslag", "/kommune/forslag"),
                Chains.page("/kommune/forslag/{id}", "/kommune/forslag/" + Settings.PROPOSAL_ID));
    }

    /** Råde reception centre: the resident list and a resident's interview. */
    static PopulationBuilder reception() {
        return journey("reception", "mottak-rade",
                Chains.page("/mottak", "/mottak"),
                Chains.page("/saker/{id}/samtale", "/saker/" + Settings.INTERVIEW_CASE_ID + "/samtale"));
    }

    static PopulationBuilder publicStatistics() {
        return journey("public", null, Chains.page("/offentlig/statistikk", "/offentlig/statistikk"));
    }

    /** The open statistics API and the case list API (HTTP Basic, as a client without a token). */
    static PopulationBuilder api() {
        return journey("api", null,
                Chains.api("/api/v1/statistics/municipalities", "/api/v1/statistics/municipalities", null),
                Chains.api("/api/v1/cases?status=…", "/api/v1/cases?status=READY_FOR_ALLOCATION&size=50", "saksbehandler"));
    }

    private static PopulationBuilder journey(String name, String username, ChainBuilder... pages) {
        ChainBuilder walk = exec(session -> session);
        for (ChainBuilder page : pages) {
            walk = walk.exec(page).exec(pause(THINK));
        }
        ChainBuilder start = username == null ? exec(session -> session) : Chains.signIn(username);
        return scenario(name).exec(start).during(Settings.DURATION).on(walk).injectOpen(atOnceUsers(Settings.USERS));
    }

    private Journeys() {
    }
}
