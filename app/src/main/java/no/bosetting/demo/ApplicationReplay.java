package no.bosetting.demo;

import java.util.HashMap;
import java.util.Map;

import no.bosetting.applications.SettlementApplication;
import no.bosetting.shared.CommandResult;

/** Replays private residents' applications for settlement: sent by the main person, handled by the agency. */
final class ApplicationReplay {

    private final DemoReplay replay;
    private final DemoCommands commands;
    private final Map<Integer, Long> applicationIds = new HashMap<>();

    ApplicationReplay(DemoReplay replay) {
        this.replay = replay;
        this.commands = replay.commands;
    }

    /** Sent whether or not the case exists yet: an application may come before the permit. */
    void send(DemoPlan.SendApplication e) {
        CommandResult<SettlementApplication> r = replay.command(() -> commands.applications().save(replay.refugee(e.household()),
                e.form(), true));
        replay.check(e, r);
        if (r.isSuccess()) {
            applicationIds.put(e.household(), r.value().id());
        }
    }

    void handle(DemoPlan.HandleApplication e) {
        Long id = applicationIds.get(e.household());
        if (id == null) {
            replay.refused(e, "no application");
            return;
        }
        // A late application is accepted by the designated group (the administrator) on the discretionary path.
        boolean late = commands.applications().forRefugee(replay.refugee(e.household())).map(SettlementApplication::late).orElse(false);
        replay.check(e, replay.command(() -> e.accept() ? commands.applications().accept(id, late ? replay.administrator() : replay.caseworker())
                : commands.applications().refuse(id, replay.caseworker(), e.reason())));
    }
}
