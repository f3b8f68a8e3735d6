package no.bosetting.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClockConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test that drives the running application in headless Chromium. Every browser test uses exactly
 * this configuration, so Spring starts one server (and one throw-away database) for all of them.
 * Tagged so the suite can run alone: {@code mvn -pl app test -Dgroups=browser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Fixtures.class, TestClockConfig.class})
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
