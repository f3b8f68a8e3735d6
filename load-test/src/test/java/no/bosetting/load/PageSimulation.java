package no.bosetting.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One page under load, as bin/load-test measures it beside pgbench of the page's own SQL: {@code -Dpage=NAME -Dpath=PATH}
 * and {@code -Duser=USERNAME} (none: a public page), {@code -Dkind=html|api|accept}; {@code users} virtual users sign in
 * once and then request the page back to back for {@code duration} seconds, like {@code pgbench -c users -T duration}.
 * The acceptance ({@code kind=accept}) is one user accepting {@code acceptIds} one by one, {@code acceptPause} apart,
 * each as its municipality's officer.
 */
public class PageSimulation extends Simulation {

    private final String name = System.getProperty("page", "page");
    private final String path = System.getProperty("path", "/offentlig/statistikk");
    private final String user = blankToNull(System.getProperty("user"));
    private final String kind = System.getProperty("kind", "html");

    {
        ScenarioBuilder scenario;
        int users = Settings.USERS;
        if (kind.equals("accept")) {
            users = 1;
            String ids = Settings.ACCEPTS.stream().map(a -> String.valueOf(a.proposalId())).collect(Collectors.joining(","));
            var feeder = Settings.ACCEPTS.stream()
                    .map(a -> Map.<String, Object>of("proposalId", a.proposalId(), "username", a.username())).iterator();
            // Each proposal by its own municipality's officer: signed in again (silently) before each acceptance.
            scenario = scenario(name + " (" + ids + ")")
                    .repeat(Settings.ACCEPTS.size()).on(exec(session -> session)
                            .feed(feeder)
                            .exec(Chains.signIn("#{username}"))
                            .exec(Chains.accept())
                            .pause(Settings.ACCEPT_PAUSE));
        } else {
            ChainBuilder request = kind.equals("api") ? Chains.api(name, path, user) : Chains.page(name, path);
            ChainBuilder warm = kind.equals("api") ? Chains.api(name, path, user, true) : Chains.pageSilently(name, path);
            ChainBuilder start = user == null || kind.equals("api") ? exec(session -> session) : Chains.signIn(user);
            scenario = scenario(name).exec(start)
                    .during(Settings.WARMUP).on(warm)
                    .during(Settings.DURATION).on(request);
        }
        setUp(scenario.injectOpen(atOnceUsers(users))).protocols(Chains.protocol());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
