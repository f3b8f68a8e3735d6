package no.bosetting.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import no.bosetting.shared.TimeConfig;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's capacity uses the real 2026 council decisions where a municipality has one (issue 14 item 7). */
@IntegrationTest
class DemoRealDecisionsTest {

    @Autowired
    DemoDataGenerator generator;
    @Autowired
    Clock clock;

    @Test
    void theDemosDecisionsFor2026AreTheRealOnes() {
        // imdi_vedtak_2026.csv: Oslo 600, Bergen 200, Porsgrunn 45.
        assertThat(RealDecisions.of(2026, "0301")).isEqualTo(600);
        assertThat(RealDecisions.of(2026, "4601")).isEqualTo(200);
        assertThat(RealDecisions.of(2026, "4001")).isEqualTo(45);
        assertThat(RealDecisions.of(2025, "0301")).isNull();

        DemoPlan plan = generator.plan(99, 200, clock.instant());
        int year = LocalDate.ofInstant(clock.instant(), TimeConfig.OSLO).getYear();
        List<DemoPlan.RecordCapacity> capacity = plan.events().stream()
                .filter(DemoPlan.RecordCapacity.class::isInstance).map(DemoPlan.RecordCapacity.class::cast).toList();
        List<DemoPlan.RecordCapacity> withReal = capacity.stream()
                .filter(c -> RealDecisions.of(c.year(), c.municipalityNumber()) != null).toList();
        if (year == 2026) {
            // Every municipality with a real 2026 decision decides in the demo, with that number.
            assertThat(withReal.stream().map(DemoPlan.RecordCapacity::municipalityNumber).distinct()).hasSize(300);
        }
        assertThat(withReal).allSatisfy(c -> {
            assertThat(c.persons()).isEqualTo(RealDecisions.of(c.year(), c.municipalityNumber()));
            assertThat(c.unaccompaniedMinors()).isLessThanOrEqualTo(c.persons());
        });
    }
}
