package no.bosetting.load;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/** The requests the simulations are made of. Sign-in requests are silent: the statistics are the pages'. */
final class Chains {

    static HttpProtocolBuilder protocol() {
        return http.baseUrl(Settings.BASE_URL)
                .acceptHeader("text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("nb-NO,nb;q=0.9")
                .acceptEncodingHeader("gzip, deflate")
                .userAgentHeader("bosetting-load-test (Gatling)")
                // Every request a whole answer: no If-Modified-Since from an earlier one (the statistics send
                // Last-Modified), as pgbench runs the page's whole SQL every time.
                .disableCaching()
                .shareConnections();
    }

    /** The login form with its CSRF token, as a person signs in (the username may be Gatling EL); the cookie stays with the virtual user. */
    static ChainBuilder signIn(String username) {
        return exec(http("sign-in form").get("/login").silent()
                        .check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(http("sign in").post("/login").silent()
                        .formParam("username", username)
                        .formParam("password", Settings.PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(200), currentLocationRegex(".*/login.*").notExists()));
    }

    /**
     * A page (signed in or public): 200 and a body. Not a CSS selector, nor even a search of the text: the load
     * generator runs on the same two cores as the app, and parsing every answer into a DOM cost it about as much CPU
     * as the page cost the app (pgbench's client reads its rows and throws them away). That the page is whole is
     * checked once per page, before the load, by bin/load-test's capture request.
     */
    static ChainBuilder page(String name, String path) {
        return exec(http(name).get(path).check(status().is(200), bodyLength().gt(1000)));
    }

    /** The same page, not counted: the warm-up before the measured seconds. */
    static ChainBuilder pageSilently(String name, String path) {
        return exec(http(name + " (warm-up)").get(path).silent().check(status().is(200)));
    }

    /** A JSON API list: 200; with a username, HTTP Basic as API clients without a token sign in. */
    static ChainBuilder api(String name, String path, String username) {
        return api(name, path, username, false);
    }

    /** The same, silently (not counted) when {@code silent}: the warm-up before the measured seconds. */
    static ChainBuilder api(String name, String path, String username, boolean silent) {
        var request = http(silent ? name + " (warm-up)" : name).get(path).header("Accept", "application/json")
                .check(status().is(200));
        if (silent) {
            request = request.silent();
        }
        return exec(username == null ? request : request.basicAuth(username, Settings.PASSWORD));
    }

    /**
     * A municipality accepts the proposal in the session's {@code proposalId}: its page (silent, for the form's token),
     * then the form with one planned date for the whole household; accepted means the redirect to the case page.
     */
    static ChainBuilder accept() {
        return exec(http("accept form").get("/kommune/forslag/#{proposalId}").silent()
                        .check(status().is(200), css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(http("accept").post("/kommune/forslag/#{proposalId}/aksepter").disableFollowRedirect()
                        .formParam("plannedDateAll", Settings.PLANNED_DATE)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(302), header("Location").find().transform(l -> l.contains("/saker/")).is(true)));
    }

    private Chains() {
    }
}
