package no.bosetting.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;

/**
 * The reception centre's scope, written once and used by every query, command and page that scopes by centre.
 *
 * <p>A centre sees a household only while the household lives in that centre now and its case is still on its way
 * to settlement: the case names the centre, the living situation is the centre itself or its emergency
 * accommodation (the two situations the permit import ties to a centre), and the status is under mapping, ready for
 * allocation, proposed or offered. The centre holds the interview and records the move-out (settlement-process §2,
 * §4.2, §4.4); once the household is settled (by the municipality's dates or at the centre's move-out), has declined
 * the offer, the case is closed, or the household has moved out or lives elsewhere, it is no longer the centre's,
 * even where an older row still names the centre. Out of scope reads as "not found".
 */
public final class ReceptionScope {

    /** The statuses in which a household may still be a centre's resident: every open status, offered included. */
    static final Set<CaseStatus> STATUSES = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseStatus.class)));

    /** The living situations in which a household lives in the centre the case names. */
    static final Set<LivingSituation> LIVING = EnumSet.of(LivingSituation.RECEPTION_CENTRE, LivingSituation.EMERGENCY_ACCOMMODATION);

    private ReceptionScope() {
    }

    /** Whether a household in this state lives in the named centre now, on its way to settlement. */
    public static boolean livesIn(Long centreId, CaseStatus status, LivingSituation living) {
        return centreId != null && STATUSES.contains(status) && LIVING.contains(living);
    }

    /** The centre the household lives in now, or null when it lives in none (for notifying the centre's staff). */
    public static Long currentCentre(CaseSummary summary) {
        return livesIn(summary.receptionCentreId(), summary.status(), summary.livingSituation()) ? summary.receptionCentreId() : null;
    }

    /** Whether the actor is staff of the centre the household lives in now. */
    public static boolean sees(Actor actor, Long centreId, CaseStatus status, LivingSituation living) {
        return actor.role() == Role.RECEPTION_STAFF && actor.isReceptionCentre(centreId) && livesIn(centreId, status, living);
    }

    public static boolean sees(Actor actor, CaseSummary summary) {
        return sees(actor, summary.receptionCentreId(), summary.status(), summary.livingSituation());
    }

    /** The same rule as SQL over {@code settlement_case} aliased {@code alias}, with the centre as parameter {@code :param}. */
    static String sql(String alias, String param) {
        return alias + ".reception_centre_id = :" + param
                + " and " + alias + ".status in (" + quoted(STATUSES) + ")"
                + " and " + alias + ".living_situation in (" + quoted(LIVING) + ")";
    }

    static String quoted(Set<? extends Enum<?>> values) {
        return values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", "));
    }
}
