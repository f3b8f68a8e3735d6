package no.bosetting.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import no.bosetting.shared.TimeConfig;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.StatementCounter;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 22 item 2: the public statistics do not cost a computation per view. The figures are kept for
 * {@code bosetting.statistics.max-age} (five minutes; the suite's profile sets zero so other tests see the data they
 * write, and this test sets the five minutes back); a second view runs none of their SQL, a settlement shows once the
 * kept figures are older than the rule, and the page, the open API and the exports say when the figures are from.
 */
@IntegrationTest
class StatisticsCacheTest {

    private static final String DONNA = "1827";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    StatisticsCache cache;

    private Duration suiteMaxAge;

    @BeforeEach
    void fiveMinutes() {
        suiteMaxAge = cache.maxAge();
        cache.maxAge(Duration.ofMinutes(5));
    }

    @AfterEach
    void back() {
        cache.maxAge(suiteMaxAge);
    }

    private MockHttpServletResponse view(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    private static String asOfLine(Instant at) {
        var oslo = at.atZone(TimeConfig.OSLO);
        return "Tall per " + oslo.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " kl. " + oslo.format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    /** A household of {@code 1 + children} persons accepted and settled today in Dønna. */
    private void settleHousehold(int children) {
        long caseId = fixtures.household(fixtures.centre(DONNA), children, TestClock.today().minusDays(60));
        fixtures.ready(caseId);
        long proposal = fixtures.propose(caseId, DONNA);
        Actor municipality = fixtures.municipality(DONNA);
        LocalDate today = TestClock.today();
        fixtures.decidePlannedYear(DONNA, today, 30, 0);
        List<Long> ids = CommandResult.attempt(() -> proposals.accept(municipality, proposal, fixtures.plannedDates(caseId, today), null))
                .value();
        for (Long id : ids) {
            decisions.registerSettlementDate(id, today, null, municipality).value();
        }
    }

    @Test
    void aSecondViewReadsTheKeptFiguresAndSaysWhenTheyAreFrom() throws Exception {
        int year = TestClock.today().getYear();
        // Whatever an earlier test kept is older than the rule an hour from now: the first view computes.
        Instant later = TestClock.instant().plus(Duration.ofHours(1));
        int[] statements = new int[2];
        String[] pages = new String[2];
        long before = cache.computations();
        ShiftableClock.runAt(later, () -> {
            try {
                statements[0] = StatementCounter.count(() -> pages[0] = view("/offentlig/statistikk?year=" + year).getContentAsString());
                statements[1] = StatementCounter.count(() -> pages[1] = view("/offentlig/statistikk?year=" + year).getContentAsString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.println("{\"statements\":[" + statements[0] + "," + statements[1] + "],\"path\":\"/offentlig/statistikk\"}");
        assertThat(cache.computations() - before).as("one computation for two views").isEqualTo(1);
        // The public list of self-settlement municipalities withholds what the statistics withhold: from the same kept figures.
        List<String> selfSettlement = new java.util.ArrayList<>();
        ShiftableClock.runAt(later, () -> {
            try {
                selfSettlement.addAll(StatementCounter.statements(() -> view("/offentlig/selvbosetting")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(cache.computations() - before).as("the self-settlement list computed nothing again").isEqualTo(1);
        assertThat(selfSettlement).as("none of the figures' statements (the households' timelines)")
                .noneMatch(sql -> sql.contains("h.command = 'PROPOSE'"));
        assertThat(statements[0]).as("the first view computes the figures").isGreaterThanOrEqualTo(8);
        // 11 statements when computed; a kept view runs only the crisis-mode check of the crisis figures fragment.
        assertThat(statements[1]).as("the second view runs none of the figures' statements").isLessThanOrEqualTo(1);
        assertThat(pages[0]).contains(asOfLine(later)).contains("fem minutter");
        assertThat(pages[1]).contains(asOfLine(later));
        // The open API: every statement of the figures when computed, none from the kept figures.
        int[] api = new int[2];
        ShiftableClock.runAt(later, () -> {
            try {
                api[1] = StatementCounter.count(() -> view("/api/v1/statistics/municipalities?year=" + year));
                cache.maxAge(Duration.ZERO);
                api[0] = StatementCounter.count(() -> view("/api/v1/statistics/municipalities?year=" + year));
                cache.maxAge(Duration.ofMinutes(5));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.println("{\"statements\":[" + api[0] + "," + api[1] + "],\"path\":\"/api/v1/statistics/municipalities\"}");
        assertThat(api[0]).isGreaterThanOrEqualTo(6);
        assertThat(api[1]).isZero();
        String english = view("/offentlig/statistikk?lang=en&year=" + year).getContentAsString();
        assertThat(english).contains("Figures as of ");
        String ukrainian = view("/offentlig/statistikk?lang=uk&year=" + year).getContentAsString();
        assertThat(ukrainian).contains("Дані станом на ");
    }

    @Test
    void aSettlementShowsInTheFiguresOnceTheKeptOnesAreOlderThanTheRule() throws Exception {
        int year = TestClock.today().getYear();
        Instant start = TestClock.instant().plus(Duration.ofHours(2));
        StatisticsCache.Figures[] seen = new StatisticsCache.Figures[4];
        String[] modified = new String[3];
        ShiftableClock.runAt(start, () -> seen[0] = cache.figures(year, false));
        ShiftableClock.runAt(start, () -> {
            try {
                modified[0] = view("/api/v1/statistics/municipalities?year=" + year).getHeader("Last-Modified");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        settleHousehold(2);
        // Four minutes on: the kept figures are still within the rule and do not have the new household.
        ShiftableClock.runAt(start.plus(Duration.ofMinutes(4)), () -> {
            seen[1] = cache.figures(year, false);
            try {
                modified[1] = view("/api/v1/statistics/municipalities?year=" + year).getHeader("Last-Modified");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen[1]).isSameAs(seen[0]);
        assertThat(modified[1]).isEqualTo(modified[0]).isNotNull();
        // Five minutes on they are computed again, with the three persons settled.
        Instant fiveOn = start.plus(Duration.ofMinutes(5)).plusSeconds(1);
        ShiftableClock.runAt(fiveOn, () -> {
            seen[2] = cache.figures(year, false);
            try {
                modified[2] = view("/api/v1/statistics/municipalities?year=" + year).getHeader("Last-Modified");
                seen[3] = cache.figures(year, true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen[2].asOf()).isEqualTo(fiveOn);
        assertThat(seen[2].tables().national().settled()).isEqualTo(seen[0].tables().national().settled() + 3);
        assertThat(modified[2]).isNotEqualTo(modified[0]);
        assertThat(seen[3].asOf()).as("the open API computed its figures again too").isEqualTo(fiveOn);
        MockHttpServletResponse export = view("/offentlig/statistikk/eksport/kommuner.csv?year=" + year);
        assertThat(export.getHeader("Last-Modified")).isNotNull();
    }
}
