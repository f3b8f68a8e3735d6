package no.bosetting.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The designation for protection work (issue 18 items 3 and 4): an agency user flagged "designated for concern reports
 * and protected addresses" ({@code app_user.protection_designated}). Only such a user reads a restricted concern report
 * or a protected address, marks a person's address protected, and handles a protected household. A flag rather than a
 * role, so a designated caseworker keeps every other right of their role; asked from the table on each call, so a
 * withdrawn designation takes effect at once.
 */
@Service
public class ProtectionDesignation {

    private final JdbcClient jdbc;

    public ProtectionDesignation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the actor is an agency user designated for protection work. The system itself is not. */
    @Transactional(readOnly = true)
    public boolean isDesignated(Actor actor) {
        if (actor == null || !actor.isAgency() || "system".equals(actor.username())) {
            return false;
        }
        return jdbc.sql("select protection_designated from app_user where username = :u and enabled")
                .param("u", actor.username()).query(Boolean.class).optional().orElse(false);
    }

    /** Designates (or un-designates) an agency user; refused for any other role. */
    @Transactional
    public void designate(String username, boolean designated) {
        int n = jdbc.sql("""
                update app_user set protection_designated = :d
                where username = :u and role in ('AGENCY_CASEWORKER', 'AGENCY_PLANNER', 'AGENCY_ADMIN')
                """).param("d", designated).param("u", username).update();
        if (n != 1) {
            throw new IllegalArgumentException("Not an agency user: " + username);
        }
    }
}
