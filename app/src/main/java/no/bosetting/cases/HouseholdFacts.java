package no.bosetting.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;

import no.bosetting.access.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The household's derived facts — persons, children, household type and the unaccompanied-minor flag — recomputed
 * from its current members by the existing rules ({@link HouseholdType#of}; the settlement target follows the type,
 * {@link SettlementTarget}) after every household or person change. A household of minors only is an unaccompanied
 * minor, as at import; a flag a caseworker has corrected is kept.
 */
@Component
class HouseholdFacts {

    private final JdbcClient jdbc;
    private final Clock clock;

    HouseholdFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The facts as stored. */
    record Facts(HouseholdType type, int persons, int children, boolean unaccompaniedMinor) {

        String describe() {
            return persons + " pers., " + type.name() + (unaccompaniedMinor ? ", enslig mindreårig" : "");
        }
    }

    Facts stored(long caseId) {
        return jdbc.sql("select household_type, persons, children, unaccompanied_minor from settlement_case where id = :id")
                .param("id", caseId)
                .query((rs, n) -> new Facts(HouseholdType.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)))
                .single();
    }

    /** The members now: (adult?, sex), the main person first. */
    List<HouseholdType.Member> members(long caseId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select birth_date, sex from person where case_id = :id and removed_on is null
                order by case relation when 'MAIN' then 0 when 'SPOUSE' then 1 else 2 end, birth_date, id
                """)
                .param("id", caseId)
                .query((rs, n) -> new HouseholdType.Member(
                        Period.between(rs.getObject(1, LocalDate.class), today).getYears() >= 18, rs.getString(2).charAt(0)))
                .list();
    }

    /**
     * Recomputes and stores the facts; {@code minorFlag} is a caseworker's correction of the flag (null: keep a
     * corrected flag, else derive it). Returns the facts before and after.
     */
    Facts[] recompute(long caseId, Boolean minorFlag, Actor actor) {
        Facts before = stored(caseId);
        boolean corrected = minorFlag != null || jdbc.sql("select minor_flag_corrected from settlement_case where id = :id")
                .param("id", caseId).query(Boolean.class).single();
        List<HouseholdType.Member> members = members(caseId);
        Facts after = derive(members, minorFlag != null ? minorFlag : corrected ? before.unaccompaniedMinor() : null);
        jdbc.sql("""
                update settlement_case set household_type = :t, persons = :p, children = :c, unaccompanied_minor = :um,
                    minor_flag_corrected = :corrected, updated_at = :now, updated_by = :by, version = version + 1
                where id = :id
                """)
                .param("t", after.type().name()).param("p", after.persons()).param("c", after.children())
                .param("um", after.unaccompaniedMinor()).param("corrected", corrected).param("now", OffsetDateTime.now(clock))
                .param("by", actor.username()).param("id", caseId).update();
        return new Facts[]{before, after};
    }

    /**
     * The pure rule: the household type of the members by {@link HouseholdType#of}; a household without adults is an
     * unaccompanied minor; otherwise a caseworker's flag (not null) decides whether it is one.
     */
    static Facts derive(List<HouseholdType.Member> members, Boolean minorFlag) {
        long adults = members.stream().filter(HouseholdType.Member::adult).count();
        int children = (int) (members.size() - adults);
        boolean minor = adults == 0 || Boolean.TRUE.equals(minorFlag) && children > 0;
        HouseholdType type = minor ? HouseholdType.UNACCOMPANIED_MINOR : HouseholdType.of(members);
        return new Facts(type, members.size(), children, minor);
    }
}
