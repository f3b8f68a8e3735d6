package no.bosetting.selfsettlement.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import no.bosetting.shared.AllocationHolds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A household in an open opt-in window is looking for its own dwelling (agreed self-settlement): until the
 * window closes or its last day passes, neither the engine nor a caseworker proposes it to a municipality.
 */
@Component
class SelfSettlementAllocationHold implements AllocationHolds {

    private final JdbcClient jdbc;

    SelfSettlementAllocationHold(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> heldCaseIds(Collection<Long> caseIds, LocalDate today) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select case_id from self_settlement_window
                where closed_at is null and opened_on <= :today and lease_deadline >= :today and case_id in (:ids)
                """)
                .param("today", today).param("ids", caseIds).query(Long.class).list());
    }

    @Override
    public String reasonKey() {
        return "selfsettlement.hold.optInWindow";
    }
}
