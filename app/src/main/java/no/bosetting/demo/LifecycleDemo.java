package no.bosetting.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseLifecycle;
import no.bosetting.cases.CloseReason;
import no.bosetting.cases.ConsequenceInformed;
import no.bosetting.cases.InformationChannel;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.LivingSituations;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The life-cycle situations of issue 20 items 3 and 4 in the demo, made by the real commands after the year is replayed:
 * households with an offer that travelled abroad (one whose municipality holds the places, one still to choose; where
 * possible in municipalities with a demo login), and a household that moved out of reception to live privately, whose case was
 * closed and then reopened within six months of the permit (report 000 lines 3987–4025).
 */
@Component
@Profile("!prod")
class LifecycleDemo {

    private static final Logger log = LoggerFactory.getLogger(LifecycleDemo.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UserAccounts users;
    private final CaseCommands cases;
    private final CaseLifecycle lifecycle;
    private final LivingSituations living;

    LifecycleDemo(JdbcClient jdbc, Clock clock, UserAccounts users, CaseCommands cases, CaseLifecycle lifecycle,
                  LivingSituations living) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.living = living;
    }

    /** Runs over the demo cases whose permit reference starts with {@code prefix}; a refusal is logged, never thrown. */
    void run(String prefix) {
        Actor caseworker = users.findActor("saksbehandler").orElse(Actor.system());
        LocalDate today = LocalDate.now(clock);
        List<String> officers = DemoCatalogue.LOGINS.stream().filter(l -> l.role() == Role.MUNICIPALITY_OFFICER)
                .map(DemoCatalogue.Login::municipalityNumber).toList();
        List<long[]> offered = jdbc.sql("""
                select id from settlement_case where permit_reference like :p and status = 'OFFERED'
                order by case when settlement_municipality in (:m) then 0 else 1 end, id limit 2
                """)
                .param("p", prefix + "%").param("m", officers)
                .query((rs, n) -> new long[]{rs.getLong(1)}).list();
        for (int i = 0; i < offered.size(); i++) {
            long caseId = offered.get(i)[0];
            boolean held = i == 0;
            check("absent " + caseId, lifecycle.markAbsent(caseId, caseworker, today.minusDays(held ? 9 : 2),
                    today.plusDays(held ? 21 : 45), "Reist til Ukraina for å besøke familie"));
            if (held) {
                officer(caseId).ifPresent(o -> check("hold " + caseId, lifecycle.choosePlaces(caseId, o, no.bosetting.cases.CaseAbsence.PlacesChoice.HOLD)));
            }
        }

        Optional<Long> movedOut = jdbc.sql("""
                select id from settlement_case where permit_reference like :p and status = 'READY_FOR_ALLOCATION'
                and living_situation = 'RECEPTION_CENTRE' and permit_date between :from and :to order by id limit 1
                """)
                .param("p", prefix + "%").param("from", today.minusMonths(5)).param("to", today.minusDays(20))
                .query(Long.class).optional();
        movedOut.ifPresent(caseId -> {
            String municipality = jdbc.sql("select living_municipality_number from settlement_case where id = :c").param("c", caseId)
                    .query(String.class).single();
            ShiftableClock.runAt(clock.instant().minus(Duration.ofDays(6)), () -> check("moved out " + caseId,
                    living.record(caseId, caseworker, LivingSituation.PRIVATE, LocalDate.now(clock), null, municipality)));
            ShiftableClock.runAt(clock.instant().minus(Duration.ofDays(5)), () -> check("closed " + caseId,
                    cases.close(caseId, caseworker, CloseReason.MOVED_OUT_OF_RECEPTION, "Flyttet hjem til en vertsfamilie",
                            new ConsequenceInformed(true, LocalDate.now(clock), InformationChannel.CONVERSATION_WITH_INTERPRETER,
                                    "ukrainsk", "Tolk 4711"))));
            check("reopened " + caseId, lifecycle.reopen(caseId, caseworker,
                    "Ønsker likevel bosetting med offentlig hjelp; søkte innen seks måneder etter utflyttingen"));
        });
        log.info("Demo life cycle (/saker/{id}): away with places held {}, away awaiting the municipality's choice {}, "
                        + "moved out, closed and reopened {}", offered.isEmpty() ? "-" : offered.get(0)[0],
                offered.size() < 2 ? "-" : offered.get(1)[0], movedOut.map(String::valueOf).orElse("-"));
    }

    private Optional<Actor> officer(long caseId) {
        String municipality = jdbc.sql("select settlement_municipality from settlement_case where id = :c").param("c", caseId)
                .query(String.class).single();
        return DemoCatalogue.LOGINS.stream().filter(l -> l.role() == Role.MUNICIPALITY_OFFICER && municipality.equals(l.municipalityNumber()))
                .findFirst().flatMap(l -> users.findActor(l.username()));
    }

    private static void check(String what, CommandResult<?> result) {
        if (!result.isSuccess()) {
            log.info("Demo life cycle: {} refused: {}", what, result.failure());
        }
    }
}
