package no.bosetting.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import no.bosetting.shared.deadlines.DeadlineRule;
import no.bosetting.shared.deadlines.DueItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the agency's caseworkers about each household whose unaccompanied minor turned 18 before settlement
 * ({@link MinorsComingOfAge}): the household now counts as an adult household, and the follow-up and the proposal may
 * need another look. Settling or closing the case resolves it.
 */
@Component
public class TurnedEighteenDeadlines implements DeadlineRule {

    public static final String CODE = "turned-18";
    private static final DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    private final JdbcClient jdbc;

    private final no.bosetting.shared.Words words;

    public TurnedEighteenDeadlines(JdbcClient jdbc, no.bosetting.shared.Words words) {
        this.words = words;
        this.jdbc = jdbc;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<DueItem> evaluate(LocalDate today) {
        return jdbc.sql("""
                select id, reference, turned_adult_on, household_type from settlement_case
                where turned_adult_on is not null and status in ('UNDER_MAPPING', 'READY_FOR_ALLOCATION', 'PROPOSED', 'OFFERED')
                order by turned_adult_on, id
                """)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    LocalDate on = rs.getObject(3, LocalDate.class);
                    HouseholdType type = HouseholdType.valueOf(rs.getString(4));
                    DueItem.Text detail = type == HouseholdType.UNACCOMPANIED_MINOR
                            ? DueItem.Text.of("work.turned18.detail.accepted", DATE.format(on))
                            : DueItem.Text.of("work.turned18.detail", DATE.format(on), String.valueOf(SettlementTarget.months(type)));
                    return DueItem.worded(words, "case:" + id, CODE, "agency", DueItem.Text.of("work.turned18", rs.getString(2)),
                            detail, id, on, "/saker/" + id);
                })
                .list();
    }
}
