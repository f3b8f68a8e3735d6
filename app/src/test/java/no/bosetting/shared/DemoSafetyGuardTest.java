package no.bosetting.shared;

import no.bosetting.BosettingApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo features never run on real data: never in the prod profile, and elsewhere not against an external
 * database unless that is explicitly allowed.
 */
class DemoSafetyGuardTest {

    private static MockEnvironment environment(String... properties) {
        MockEnvironment env = new MockEnvironment();
        for (String p : properties) {
            env.setProperty(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        return env;
    }

    private static MockEnvironment prod(String... properties) {
        MockEnvironment env = environment(properties);
        env.setActiveProfiles("prod");
        return env;
    }

    private static final String EXTERNAL = "spring.datasource.url=jdbc:postgresql://db.example:5432/bosetting";

    @Test
    void theEmbeddedDatabaseMayHaveTheDemo() {
        assertThat(DemoSafetyGuard.problems(environment("bosetting.demo-data.enabled=true", "bosetting.refugee-login.demo-mailbox=true")))
                .isEmpty();
        assertThat(DemoSafetyGuard.problems(environment("bosetting.demo-data.enabled=true", "spring.datasource.url= "))).isEmpty();
    }

    @Test
    void anExternalDatabaseWithTheDemoDataOrTheDemoMailboxIsRefusedUnlessAllowed() {
        assertThat(DemoSafetyGuard.problems(environment(EXTERNAL, "bosetting.demo-data.enabled=true", "bosetting.refugee-login.demo-mailbox=false")))
                .singleElement().asString().contains("demo data is on").contains("bosetting.demo.allow-external-database=true");
        // The mailbox is on unless turned off, as in the code that shows it.
        assertThat(DemoSafetyGuard.problems(environment(EXTERNAL))).singleElement().asString().contains("demo mailbox is on");
        assertThat(DemoSafetyGuard.problems(environment(EXTERNAL, "bosetting.demo-data.enabled=true",
                "bosetting.demo.allow-external-database=true"))).isEmpty();
        assertThat(DemoSafetyGuard.problems(environment(EXTERNAL, "bosetting.demo-data.enabled=false",
                "bosetting.refugee-login.demo-mailbox=false"))).isEmpty();
    }

    @Test
    void theProdProfileNeverHasTheDemoEvenWhenAnExternalDatabaseIsAllowed() {
        assertThat(DemoSafetyGuard.problems(prod("bosetting.demo-data.enabled=false", "bosetting.refugee-login.demo-mailbox=false", EXTERNAL)))
                .isEmpty();
        assertThat(DemoSafetyGuard.problems(prod("bosetting.demo-data.enabled=true", "bosetting.refugee-login.demo-mailbox=false",
                "bosetting.demo.allow-external-database=true", EXTERNAL)))
                .singleElement().asString().contains("bosetting.demo-data.enabled=true is not allowed in the prod profile");
        assertThat(DemoSafetyGuard.problems(prod("bosetting.refugee-login.demo-mailbox=true")))
                .singleElement().asString().contains("demo mailbox");
    }

    /** The whole application refuses to start, before it touches a database. */
    @Test
    void theApplicationRefusesToStartInProdWithDemoDataOn() {
        assertThatThrownBy(() -> start("prod", "bosetting.demo-data.enabled=true", "bosetting.demo-data.households=5"))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e)).hasMessageStartingWith("Refusing to start:")
                        .hasMessageContaining("bosetting.demo-data.enabled=true is not allowed in the prod profile"));
    }

    @Test
    void theApplicationRefusesToStartWithTheDemoOnAnExternalDatabase() {
        // Nothing listens on port 9: had the guard let it through, the start would fail on the connection instead.
        assertThatThrownBy(() -> start("default", "spring.datasource.url=jdbc:postgresql://127.0.0.1:9/bosetting",
                "bosetting.demo-data.enabled=true", "bosetting.demo-data.households=5"))
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e)).hasMessageStartingWith("Refusing to start:")
                        .hasMessageContaining("external database"));
    }

    /** Starts the application with the properties as command-line arguments, which win over the profile's files as environment variables do. */
    private static void start(String profile, String... properties) {
        new SpringApplicationBuilder(BosettingApplication.class).profiles(profile)
                .properties("server.port=0", "bosetting.embedded-postgres.data-dir=", "bosetting.mail.local-server.port=0",
                        "bosetting.deadlines.scheduler.enabled=false", "spring.main.banner-mode=off")
                .run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new))
                .close();
    }
}
