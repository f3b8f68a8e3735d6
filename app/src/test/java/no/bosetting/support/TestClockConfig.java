package no.bosetting.support;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Gives the application under test the same clock as the tests' fixtures ({@link TestClock}). */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    @Bean
    @Primary
    Clock testClock() {
        return TestClock.clock();
    }
}
