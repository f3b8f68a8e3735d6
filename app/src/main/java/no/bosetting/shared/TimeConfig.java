package no.bosetting.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class TimeConfig {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return new ShiftableClock(Clock.system(OSLO));
    }
}
