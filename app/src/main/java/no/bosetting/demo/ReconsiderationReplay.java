package no.bosetting.demo;

import no.bosetting.reconsideration.ReconsiderationRequest;
import no.bosetting.reconsideration.Reconsiderations;

/** Replays requests to reconsider a decision on settlement municipality: requested, municipality informed, decided. */
final class ReconsiderationReplay {

    private final DemoReplay replay;
    private final Reconsiderations reconsiderations;

    ReconsiderationReplay(DemoReplay replay) {
        this.replay = replay;
        this.reconsiderations = replay.commands.reconsiderations();
    }

    void request(DemoPlan.RequestReconsideration e) {
        replay.check(e, replay.command(() -> reconsiderations.request(replay.caseId(e.household()), replay.caseworker(),
                new ReconsiderationRequest(e.requesterKind(), e.requesterName(), e.ground(), e.explanation()))));
    }

    void informMunicipality(DemoPlan.InformAboutReconsideration e) {
        replay.check(e, replay.command(() -> reconsiderations.informMunicipality(replay.caseId(e.household()),
                replay.caseworker(), e.note())));
    }

    /** Decided by the designated group (the administrator in the demo). */
    void decide(DemoPlan.DecideReconsideration e) {
        replay.check(e, replay.command(() -> e.grant()
                ? reconsiderations.grant(replay.caseId(e.household()), replay.administrator(), e.reason(), e.alternative())
                : reconsiderations.refuse(replay.caseId(e.household()), replay.administrator(), e.reason())));
    }
}
