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

    /** The national preset's current year (issue 22): 14,000 households, 33,354 persons at seed 2023. */
    static final int NATIONAL_HOUSEHOLDS = 14_000;

    DemoDataRunner(DemoDataGenerator generator, @Value("${bosetting.demo-data.seed:2023}") long seed,
                   @Value("${bosetting.demo-data.households:0}") int households,
                   @Value("${bosetting.demo-data.national:false}") boolean national) {
        this.generator = generator;
        this.seed = seed;
        // bosetting.demo-data.national=true: a national year plus the five-year history (HistoryDemo), unless sized here.
        this.households = households > 0 ? households : national ? NATIONAL_HOUSEHOLDS : 3000;
    }

    @Override
    public void run(ApplicationArguments args) {
        generator.generate(seed, households);
    }
}
