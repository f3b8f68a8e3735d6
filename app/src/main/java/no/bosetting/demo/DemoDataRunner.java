package no.bosetting.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo data at start-up when {@code bosetting.demo-data.enabled=true} and the database has none yet.
 * Never in the {@code prod} profile (which also refuses to start with demo data on: {@code shared.DemoSafetyGuard}).
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "bosetting.demo-data.enabled", havingValue = "true")
class DemoDataRunner implements ApplicationRunner {

    private final DemoDataGenerator generator;
    private final long seed;
    private final int households;

    DemoDataRunner(DemoDataGenerator generator, @Value("${bosetting.demo-data.seed:2023}") long seed,
                   @Value("${bosetting.demo-data.households:3000}") int households) {
        this.generator = generator;
        this.seed = seed;
        this.households = households;
    }

    @Override
    public void run(ApplicationArguments args) {
        generator.generate(seed, households);
    }
}
