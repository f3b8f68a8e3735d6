package no.bosetting.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.bosetting.shared.web.ListPage;
import no.bosetting.shared.web.PageRequest;
import no.bosetting.shared.web.SortKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import static no.bosetting.cases.CaseQueries.SUMMARY_COLUMNS;
import static no.bosetting.cases.CaseQueries.summary;

/**
 * The households a municipality has living privately, in AMOT/MAMOT or under a temporary scheme in it, already in the
 * case flow ({@code /kommune/i-kommunen}): anonymised, protected households left out (issue 18 item 4), paged with the
 * count (issue 16 point 4).
 */
@Service
public class HouseholdsLivingOutsideReception {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProtectedAddress protection;

    HouseholdsLivingOutsideReception(JdbcClient jdbc, Clock clock, ProtectedAddress protection) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.protection = protection;
    }

    /**
     * Open households living privately or in AMOT/MAMOT in a municipality, already in the case flow; the
     * municipality sees them anonymised (no names or identifiers), so no access log is needed.
     */
    public List<CaseSummary> in(String municipalityNumber) {
        return livingOutsideReception(municipalityNumber, Integer.MAX_VALUE, 0);
    }

    /** The order of {@link #in(String)}: by living situation, then the longest waiting. */
    public static final List<SortKey> SORT = List.of(
            new SortKey("living", "c.living_situation, c.permit_date, c.id", "c.living_situation desc, c.permit_date, c.id"),
            new SortKey("permit", "c.permit_date, c.id", "c.permit_date desc, c.id desc"));

    /** One page of {@link #in(String)} with the count (issue 16 point 4: it was cut at 500 rows). */
    public ListPage<CaseSummary> in(String municipalityNumber, PageRequest request) {
        long total = jdbc.sql("select count(*) from settlement_case c where " + LIVING_OUTSIDE)
                .param("m", municipalityNumber).param("prot", protectedIds()).query(Long.class).single();
        return request.result(livingOutsideReception(municipalityNumber, request.size(), request.offset(), request.orderBy()),
                total, Map.of());
    }

    private static final String LIVING_OUTSIDE = """
            c.living_municipality_number = :m and c.living_situation in ('PRIVATE', 'AMOT', 'MAMOT', 'TEMPORARY_SCHEME')
              and c.status in ('AWAITING_APPLICATION', 'UNDER_MAPPING', 'READY_FOR_ALLOCATION', 'PROPOSED', 'OFFERED')
              and not (c.id = any(:prot))
            """;

    private List<CaseSummary> livingOutsideReception(String municipalityNumber, int limit, long offset) {
        return livingOutsideReception(municipalityNumber, limit, offset, SORT.get(0).ascending());
    }

    private List<CaseSummary> livingOutsideReception(String municipalityNumber, int limit, long offset, String orderBy) {
        LocalDate today = LocalDate.now(clock);
        // Protected households are left out in SQL, so the count and the pages agree (issue 18 item 4).
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from settlement_case c left join reception_centre rc on rc.id = c.reception_centre_id"
                        + " where " + LIVING_OUTSIDE + " order by " + orderBy + " limit :l offset :o")
                .param("m", municipalityNumber).param("prot", protectedIds()).param("l", limit).param("o", offset)
                .query((rs, n) -> summary(rs, today)).list();
    }

    private Long[] protectedIds() {
        return protection.allProtectedCases().toArray(Long[]::new);
    }
}
