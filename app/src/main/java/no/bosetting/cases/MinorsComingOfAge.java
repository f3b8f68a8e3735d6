package no.bosetting.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.List;

import no.bosetting.access.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An unaccompanied minor who turns 18 before settlement. Unaccompanied minors are those under 18 (report 000 line
 * 4084), and at 18 the follow-up moves to adult services (settlement-process.md §7), so from the birthday the household
 * is what {@link HouseholdType#of} makes of its members that day — the import's own rule — and counts as that: the
 * settlement target of the new type from the permit date ({@link SettlementTarget}: 6 months for a single adult), and
 * ordinary places, not the minors' places, when a municipality accepts. A household a municipality has already
 * accepted keeps its decision: the place was taken as a minor's place when it was decided, and the case is only marked.
 * Either way the day is kept ({@code turned_adult_on}), the case history says what changed, and the agency's caseworkers
 * get a work item ({@link TurnedEighteenDeadlines}).
 */
@Service
public class MinorsComingOfAge {

    private static final DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    private final JdbcClient jdbc;
    private final Clock clock;

    public MinorsComingOfAge(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Candidate(long id, CaseStatus status, LocalDate oldestBirth, LocalDate permitDate) {
    }

    /** Marks (and, before an acceptance, reclassifies) each unaccompanied minor whose oldest member is 18 today. */
    @Transactional
    public int run() {
        LocalDate today = LocalDate.now(clock);
        List<Candidate> candidates = jdbc.sql("""
                select c.id, c.status, min(p.birth_date) as oldest, c.permit_date from settlement_case c
                join person p on p.case_id = c.id
                where c.unaccompanied_minor and c.turned_adult_on is null
                  and c.status in ('UNDER_MAPPING', 'READY_FOR_ALLOCATION', 'PROPOSED', 'OFFERED')
                group by c.id having min(p.birth_date) <= :adultBorn
                order by c.id
                """)
                .param("adultBorn", today.minusYears(18))
                .query((rs, n) -> new Candidate(rs.getLong(1), CaseStatus.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .list();
        int changed = 0;
        for (Candidate c : candidates) {
            LocalDate birthday = c.oldestBirth().plusYears(18);
            if (c.status() == CaseStatus.OFFERED) {
                changed += mark(c.id(), birthday, null, 0, c.status(), "Fylte 18 år " + DATE.format(birthday)
                        + " etter at kommunen aksepterte: vedtaket står, plassen ble tatt som plass for enslig mindreårig.");
                continue;
            }
            List<HouseholdType.Member> members = jdbc.sql("select birth_date, sex from person where case_id = :c order by id")
                    .param("c", c.id())
                    .query((rs, n) -> new HouseholdType.Member(
                            Period.between(rs.getObject(1, LocalDate.class), today).getYears() >= 18, rs.getString(2).charAt(0)))
                    .list();
            HouseholdType type = HouseholdType.of(members);
            int children = (int) members.stream().filter(m -> !m.adult()).count();
            changed += mark(c.id(), birthday, type, children, c.status(), "Fylte 18 år " + DATE.format(birthday)
                    + ": teller nå som " + type.name() + ", med mål " + SettlementTarget.months(type) + " måneder fra tillatelsen ("
                    + DATE.format(SettlementTarget.dueDate(c.permitDate(), type)) + ") og ordinære plasser, ikke plasser for enslige mindreårige.");
        }
        return changed;
    }

    private int mark(long caseId, LocalDate birthday, HouseholdType type, int children, CaseStatus status, String note) {
        int updated = type == null
                ? jdbc.sql("update settlement_case set turned_adult_on = :b where id = :id and turned_adult_on is null")
                        .param("b", birthday).param("id", caseId).update()
                : jdbc.sql("""
                        update settlement_case set turned_adult_on = :b, household_type = :t, unaccompanied_minor = false,
                            children = :children where id = :id and turned_adult_on is null
                        """)
                        .param("b", birthday).param("t", type.name()).param("children", children).param("id", caseId).update();
        if (updated == 1) {
            CaseCommands.CASE_HISTORY.append(jdbc, clock, caseId, Actor.system(), "TURNED_18", status, status, note);
        }
        return updated;
    }

    /** The day the case's unaccompanied minor turned 18 before settlement, if so. */
    public java.util.Optional<LocalDate> turnedAdultOn(long caseId) {
        return jdbc.sql("select turned_adult_on from settlement_case where id = :c and turned_adult_on is not null")
                .param("c", caseId).query(LocalDate.class).optional();
    }
}
