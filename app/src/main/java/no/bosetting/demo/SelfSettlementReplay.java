package no.bosetting.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import no.bosetting.access.Actor;
import no.bosetting.selfsettlement.InspectionResult;
import no.bosetting.selfsettlement.RefusalReason;
import no.bosetting.selfsettlement.RequestChecklist;
import no.bosetting.selfsettlement.RequestData;
import no.bosetting.selfsettlement.SelfSettlementOverview;
import no.bosetting.selfsettlement.SelfSettlementApprovals;
import no.bosetting.selfsettlement.SelfSettlementChecks;
import no.bosetting.selfsettlement.SelfSettlementRegistrations;
import no.bosetting.shared.CommandResult;

/**
 * Replays agreed self-settlement: the municipalities' settings, the requests through their states,
 * opt-ins to the window and municipality-initiated self-settlement.
 */
final class SelfSettlementReplay {

    private final DemoReplay replay;
    private final DemoCommands commands;
    private final SelfSettlementRegistrations registrations;
    private final SelfSettlementChecks checks;
    private final SelfSettlementApprovals approvals;
    private final Map<Integer, Long> requestIds = new HashMap<>();
    private final Map<Integer, String> municipalityOf = new HashMap<>();
    private final Map<Integer, LocalDate> leaseStart = new HashMap<>();

    SelfSettlementReplay(DemoReplay replay) {
        this.replay = replay;
        this.commands = replay.commands;
        this.registrations = replay.commands.selfSettlementRegistrations();
        this.checks = replay.commands.selfSettlementChecks();
        this.approvals = replay.commands.selfSettlementApprovals();
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
        CommandResult<Long> r = replay.command(() -> registrations.register(actor, replay.mainPerson(e.household()).dufNumber(),
                new RequestData(e.municipalityNumber(), e.address(), e.landlordName(), e.landlordEmail(), e.leaseStart(),
                        e.monthlyRent(), e.rooms())));
        replay.check(e, r);
        if (r.isSuccess()) {
            requestIds.put(e.household(), r.value());
            municipalityOf.put(e.household(), e.municipalityNumber());
            leaseStart.put(e.household(), e.leaseStart());
        }
    }

    void startCheck(DemoPlan.StartSelfSettlementCheck e) {
        onRequest(e, id -> checks.startCheck(officer(e.household()), id));
    }

    void forward(DemoPlan.ForwardSelfSettlement e) {
        onRequest(e, id -> checks.forward(officer(e.household()), id,
                new RequestChecklist(true, true, true, true, e.inspectionDate(), InspectionResult.APPROVED)));
    }

    void refuse(DemoPlan.RefuseSelfSettlement e) {
        onRequest(e, id -> e.byAgency() ? approvals.refuseByAgency(replay.caseworker(), id, e.reason(), e.text())
                : checks.refuseByMunicipality(officer(e.household()), id, e.reason(), e.text()));
    }

    /**
     * The agency approves, having weighed the municipality's places within its number and its self-settlement cap
     * ({@link SelfSettlementOverview#places}): the plan forecast them, the application counts them. Without room it
     * approves in a neighbouring municipality that takes self-settlement and has room, as the command allows, or
     * else refuses the request because the municipality is full; the household then waits for ordinary allocation.
     */
    void approve(DemoPlan.ApproveSelfSettlement e) {
        Long id = requestIds.get(e.household());
        if (id == null) {
            replay.refused(e, "no self-settlement request");
            return;
        }
        String planned = municipalityOf.get(e.household());
        // The place year as the approval sets it: the lease start, or today when the lease has started.
        int year = DemoTime.max(replay.date(e.at()), leaseStart.get(e.household())).getYear();
        Optional<String> target = Stream.concat(Stream.of(planned), commands.municipalities().neighbours(planned).stream())
                .filter(m -> roomFor(e.household(), commands.selfSettlementOverview().places(m, year))).findFirst();
        if (target.isEmpty()) {
            replay.check(e, replay.command(() -> approvals.refuseByAgency(replay.caseworker(), id, RefusalReason.MUNICIPALITY_FULL,
                    SelfSettlementPlanner.refusalText(RefusalReason.MUNICIPALITY_FULL))));
            replay.withoutOffer(e.household(), "self-settlement refused, the municipality and its neighbours being full");
            return;
        }
        String m = target.get();
        replay.check(e, replay.command(() -> approvals.approve(replay.caseworker(), id, m.equals(planned) ? null : m, null)));
        if (!m.equals(planned)) {
            replay.offeredElsewhere(e.household(), m, "self-settlement approved in a neighbouring municipality");
        }
    }

    private boolean roomFor(int household, SelfSettlementOverview.Places places) {
        return places.left() >= replay.household(household).size();
    }

    void withdraw(DemoPlan.WithdrawSelfSettlement e) {
        onRequest(e, id -> registrations.withdraw(replay.refugee(e.household()), id));
    }

    void dwellingLost(DemoPlan.SelfSettlementDwellingLost e) {
        onRequest(e, id -> registrations.dwellingLost(officer(e.household()), id, e.note()));
    }

    void optIn(DemoPlan.OptInSelfSettlement e) {
        replay.check(e, replay.command(() -> commands.selfSettlementWindows().optIn(replay.refugee(e.household()))));
    }

    /** By the municipality that offered the household its place. */
    void markMunicipalityInitiated(DemoPlan.MarkMunicipalityInitiated e) {
        Actor officer = replay.officer(replay.offeringMunicipality(e.household(), e.municipalityNumber()));
        replay.check(e, replay.command(() -> commands.municipalityInitiated().mark(officer, replay.caseId(e.household()))));
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
