package no.bosetting.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

import no.bosetting.access.Actor;
import no.bosetting.selfsettlement.InspectionResult;
import no.bosetting.selfsettlement.RequestChecklist;
import no.bosetting.selfsettlement.RequestData;
import no.bosetting.selfsettlement.SelfSettlementRequests;
import no.bosetting.shared.CommandResult;

/**
 * Replays agreed self-settlement: the municipalities' settings, the requests through their states,
 * opt-ins to the window and municipality-initiated self-settlement.
 */
final class SelfSettlementReplay {

    private final DemoReplay replay;
    private final DemoCommands commands;
    private final SelfSettlementRequests requests;
    private final Map<Integer, Long> requestIds = new HashMap<>();
    private final Map<Integer, String> municipalityOf = new HashMap<>();

    SelfSettlementReplay(DemoReplay replay) {
        this.replay = replay;
        this.commands = replay.commands;
        this.requests = replay.commands.selfSettlementRequests();
    }

    void saveSetting(DemoPlan.SaveSelfSettlementSetting e) {
        replay.check(e, replay.command(() -> commands.selfSettlementSettings().save(replay.officer(e.municipalityNumber()),
                e.municipalityNumber(), e.accepts(), e.rulesText(), e.rentLimit(), e.capPercent())));
    }

    void register(DemoPlan.RegisterSelfSettlement e) {
        // A municipality registers on the refugee's behalf only for a household living there (its
        // registration scope); a household living elsewhere registers its own request, as it must.
        boolean byMunicipality = e.byMunicipality() && commands.caseQueries().summaryForSystem(replay.caseId(e.household()))
                .map(c -> e.municipalityNumber().equals(c.livingMunicipalityNumber())).orElse(false);
        Actor actor = byMunicipality ? replay.officer(e.municipalityNumber()) : replay.refugee(e.household());
        CommandResult<Long> r = replay.command(() -> requests.register(actor, replay.mainPerson(e.household()).dufNumber(),
                new RequestData(e.municipalityNumber(), e.address(), e.landlordName(), e.landlordEmail(), e.leaseStart(),
                        e.monthlyRent(), e.rooms())));
        replay.check(e, r);
        if (r.isSuccess()) {
            requestIds.put(e.household(), r.value());
            municipalityOf.put(e.household(), e.municipalityNumber());
        }
    }

    void startCheck(DemoPlan.StartSelfSettlementCheck e) {
        onRequest(e, id -> requests.startCheck(officer(e.household()), id));
    }

    void forward(DemoPlan.ForwardSelfSettlement e) {
        onRequest(e, id -> requests.forward(officer(e.household()), id,
                new RequestChecklist(true, true, true, true, e.inspectionDate(), InspectionResult.APPROVED)));
    }

    void refuse(DemoPlan.RefuseSelfSettlement e) {
        onRequest(e, id -> e.byAgency() ? requests.refuseByAgency(replay.caseworker(), id, e.reason(), e.text())
                : requests.refuseByMunicipality(officer(e.household()), id, e.reason(), e.text()));
    }

    void approve(DemoPlan.ApproveSelfSettlement e) {
        onRequest(e, id -> requests.approve(replay.caseworker(), id, null, null));
    }

    void withdraw(DemoPlan.WithdrawSelfSettlement e) {
        onRequest(e, id -> requests.withdraw(replay.refugee(e.household()), id));
    }

    void dwellingLost(DemoPlan.SelfSettlementDwellingLost e) {
        onRequest(e, id -> requests.dwellingLost(officer(e.household()), id, e.note()));
    }

    void optIn(DemoPlan.OptInSelfSettlement e) {
        replay.check(e, replay.command(() -> commands.selfSettlementWindows().optIn(replay.refugee(e.household()))));
    }

    void markMunicipalityInitiated(DemoPlan.MarkMunicipalityInitiated e) {
        replay.check(e, replay.command(() -> commands.municipalityInitiated().mark(replay.officer(e.municipalityNumber()),
                replay.caseId(e.household()))));
    }

    /** A step on the household's request, refused when the household has none. */
    private <T> void onRequest(DemoPlan.AboutCase event, LongFunction<CommandResult<T>> step) {
        Long id = requestIds.get(event.household());
        if (id == null) {
            replay.refused(event, "no self-settlement request");
            return;
        }
        replay.check(event, replay.command(() -> step.apply(id)));
    }

    /** The officer of the municipality the household's request is for. */
    private Actor officer(int household) {
        return replay.officer(municipalityOf.get(household));
    }
}
