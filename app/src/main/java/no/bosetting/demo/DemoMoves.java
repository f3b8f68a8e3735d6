package no.bosetting.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.moves.MoveReason;
import no.bosetting.moves.SecondaryMoves;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A few secondary moves after the replay, through the caseworker's command: settled households or single members moving
 * on for family, work or education (agreed) or for another reason (not agreed). All fall within five years of
 * settlement, so the statistics page counts them out of and into the municipalities.
 */
final class DemoMoves {

    private static final MoveReason[] REASONS = {MoveReason.FAMILY, MoveReason.WORK, MoveReason.EDUCATION, MoveReason.OTHER};
    /** Where the demo's movers go: Oslo, Bergen, Trondheim, Stavanger, Tromsø, Kristiansand. */
    private static final String[] DESTINATIONS = {"0301", "4601", "5001", "1103", "5501", "4204"};
    static final int MOVES = 8;

    private DemoMoves() {
    }

    /** Registers up to {@link #MOVES} moves of settled demo households; returns how many the application accepted. */
    static int register(long seed, DemoCommands commands, JdbcClient jdbc, Actor caseworker, Clock clock) {
        List<Long> settled = jdbc.sql("select id from settlement_case where status = 'SETTLED' and permit_reference like :p order by id")
                .param("p", DemoDataGenerator.referencePrefix(seed) + "%").query(Long.class).list();
        LocalDate today = LocalDate.now(clock);
        int registered = 0;
        for (int i = 0; i < settled.size() && registered < MOVES; i += Math.max(1, settled.size() / MOVES)) {
            long caseId = settled.get(i);
            List<SettlementDecision> decisions = commands.settlementDecisions().forCase(caseId).stream()
                    .filter(d -> d.status() == DecisionStatus.SETTLED && d.settlementDate() != null).toList();
            if (decisions.isEmpty()) {
                continue;
            }
            LocalDate settledOn = decisions.stream().map(SettlementDecision::settlementDate).max(LocalDate::compareTo).orElseThrow();
            LocalDate movedOn = settledOn.plusDays(20L + 11L * registered);
            if (movedOn.isAfter(today)) {
                movedOn = today;
            }
            String from = decisions.get(0).municipalityNumber();
            String to = DESTINATIONS[registered % DESTINATIONS.length].equals(from)
                    ? DESTINATIONS[(registered + 1) % DESTINATIONS.length] : DESTINATIONS[registered % DESTINATIONS.length];
            MoveReason reason = REASONS[registered % REASONS.length];
            // Every other move is one person only; the rest the whole household.
            List<Long> persons = registered % 2 == 1 ? List.of(decisions.get(0).personId()) : List.of();
            SecondaryMoves.MoveForm form = new SecondaryMoves.MoveForm(persons, movedOn, to, reason, reason != MoveReason.OTHER, null);
            if (CommandResult.attempt(() -> commands.secondaryMoves().register(caseworker, caseId, form)).isSuccess()) {
                registered++;
            }
        }
        return registered;
    }
}
