package no.bosetting.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background work: outbox delivery. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
