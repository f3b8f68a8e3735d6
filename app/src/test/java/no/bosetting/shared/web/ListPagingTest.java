package no.bosetting.shared.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseFilter;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.CloseReason;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one list component at the SQL level (issue 16 points 4, 7 and 8): more rows than a page, the count from
 * {@code count(*)} over the same filter, sorting in SQL by whitelisted keys only, active cases first with the longest
 * waiting on top, and reception staff finding their resident by name or by any identity number.
 */
@IntegrationTest
class ListPagingTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseQueries cases;
    @Autowired
    CaseCommands caseCommands;
    @Autowired
    Proposals proposals;
    @Autowired
    JdbcClient jdbc;

    private static PageRequest request(Map<String, String> query) {
        return PageRequest.read(query, CaseQueries.SORT_KEYS, CaseQueries.DEFAULT_SORT);
    }

    private static CaseFilter centre(long centreId) {
        return new CaseFilter(null, null, null, null, null, null, null, centreId, null);
    }

    @Test
    void caseListPagesCountsAndSortsInSqlWithActiveCasesFirst() {
        long centre = fixtures.centre("3403");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            ids.add(fixtures.household(centre, 0, TestClock.today().minusDays(100 + i)));
        }
        long oldest = ids.get(54);
        // The longest waiting leaves: a closed case no longer counts days since its permit and goes to the end.
        caseCommands.close(oldest, fixtures.caseworker(), CloseReason.LEFT_NORWAY, "Reiste", null).value();
        Actor agency = fixtures.caseworker();

        ListPage<CaseSummary> first = cases.page(centre(centre), agency, request(Map.of()), Map.of("status", ""));
        assertThat(first.total()).isEqualTo(55);
        assertThat(first.items()).hasSize(50);
        assertThat(first.firstShown()).isEqualTo(1);
        assertThat(first.lastShown()).isEqualTo(50);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(first.items().get(0).id()).as("the longest waiting active case first").isEqualTo(ids.get(53));
        assertThat(first.items()).extracting(CaseSummary::id).doesNotContain(oldest);

        ListPage<CaseSummary> second = cases.page(centre(centre), agency, request(Map.of("page", "1")), Map.of());
        assertThat(second.items()).hasSize(5);
        assertThat(second.firstShown()).isEqualTo(51);
        assertThat(second.lastShown()).isEqualTo(55);
        CaseSummary last = second.items().get(4);
        assertThat(last.id()).as("settled and closed cases after the active ones").isEqualTo(oldest);
        assertThat(last.active()).isFalse();
        assertThat(last.endedOn()).isEqualTo(TestClock.today());
        assertThat(last.endedLabelKey()).isEqualTo("cases.list.endedOn");

        ListPage<CaseSummary> byPermit = cases.page(centre(centre), agency, request(Map.of("sort", "-permit")), Map.of());
        assertThat(byPermit.items().get(0).id()).as("newest permit first").isEqualTo(ids.get(0));
        assertThat(byPermit.ariaSort("permit")).isEqualTo("descending");
        assertThat(byPermit.ariaSort("waited")).isEqualTo("none");
        assertThat(byPermit.sortQuery("permit")).isEqualTo("?sort=permit");
        assertThat(byPermit.pageQuery(1)).isEqualTo("?sort=-permit&page=1");

        // A sort key that is not whitelisted gives the default order, never SQL.
        ListPage<CaseSummary> tampered = cases.page(centre(centre), agency,
                request(Map.of("sort", "permit_date; drop table person", "size", "5000")), Map.of("q", "a b"));
        assertThat(tampered.items().get(0).id()).isEqualTo(ids.get(53));
        assertThat(tampered.size()).isEqualTo(PageRequest.MAX_SIZE);
        assertThat(tampered.pageQuery(1)).isEqualTo("?q=a+b&size=200&page=1");
    }

    @Test
    void receptionStaffFindTheirResidentByNameOrAnyIdentityNumberAndSeeNames() {
        long centre = fixtures.centre("3403");
        long caseId = fixtures.household(centre, 1);
        String unique = "Zorya" + Fixtures.next();
        jdbc.sql("update person set given_name = :g where case_id = :c and relation = 'MAIN'").param("g", unique).param("c", caseId).update();
        for (int i = 0; i < 3; i++) {
            fixtures.household(centre, 0);
        }
        Actor staff = fixtures.reception(centre);
        CaseFilter byName = new CaseFilter(null, null, null, null, null, null, null, null, unique.toLowerCase() + " testesen");
        ListPage<CaseSummary> found = cases.page(byName, staff, request(Map.of()), Map.of());
        assertThat(found.items()).extracting(CaseSummary::id).containsExactly(caseId);
        String duf = jdbc.sql("select duf_number from person where case_id = :c and relation = 'CHILD'").param("c", caseId)
                .query(String.class).single();
        CaseFilter byDuf = new CaseFilter(null, null, null, null, null, null, null, null, duf);
        assertThat(cases.page(byDuf, staff, request(Map.of()), Map.of()).items()).extracting(CaseSummary::id).containsExactly(caseId);

        ListPage<CaseSummary> all = cases.page(CaseFilter.none(), staff, request(Map.of()), Map.of());
        assertThat(all.total()).isEqualTo(4);
        Map<Long, String> names = cases.residentNames(all.items(), staff, "test:/mottak");
        assertThat(names).containsEntry(caseId, unique + " Testesen");
        assertThat(jdbc.sql("select count(*) from person_access_log l join person p on p.id = l.person_id"
                        + " where p.case_id = :c and l.username = :u")
                .param("c", caseId).param("u", staff.username()).query(Long.class).single()).isPositive();
        assertThat(cases.residentNames(all.items(), fixtures.caseworker(), "test")).as("names only for reception staff").isEmpty();
    }

    @Test
    void proposalListPagesWithTheCountOfEveryMatch() {
        String municipality = "4601";
        long centre = fixtures.centre("3403");
        List<Long> ready = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            long caseId = fixtures.household(centre, 0);
            fixtures.ready(caseId);
            ready.add(caseId);
        }
        CommandResult.attempt(() -> proposals.sendList(fixtures.caseworker(), municipality, ready, null)).value();
        Actor officer = fixtures.municipality(municipality);
        long all = jdbc.sql("select count(*) from proposal where municipality_number = :m").param("m", municipality)
                .query(Long.class).single();
        ListPage<ProposalRow> page = proposals.page(officer, null, null, false,
                PageRequest.read(Map.of("sort", "-proposed"), Proposals.SORT_KEYS, Proposals.DEFAULT_SORT), Map.of());
        assertThat(all).isGreaterThan(50);
        assertThat(page.total()).isEqualTo(all);
        assertThat(page.items()).hasSize(50);
        assertThat(page.items()).allMatch(r -> r.municipalityNumber().equals(municipality));
        ListPage<ProposalRow> agency = proposals.page(fixtures.caseworker(), municipality, null, false,
                PageRequest.read(Map.of("page", "1"), Proposals.SORT_KEYS, Proposals.DEFAULT_SORT), Map.of("municipality", municipality));
        assertThat(agency.total()).isEqualTo(all);
        assertThat(agency.items()).hasSize((int) Math.min(50, all - 50));
        assertThat(agency.pageQuery(0)).isEqualTo("?municipality=" + municipality);
    }
}
