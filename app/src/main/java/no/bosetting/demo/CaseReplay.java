package no.bosetting.demo;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.CloseReason;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.InformationChannel;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.PlacesUsed;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.ProposalStatus;
import no.bosetting.proposals.RejectionReason;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandResult;

/**
 * Replays a household's own case: the permit import, the interview, the distribution lists, the
 * municipalities' answers, the settlement, a declined offer and a closed case.
 */
final class CaseReplay {

    private final DemoReplay replay;
    private final DemoCommands commands;

    CaseReplay(DemoReplay replay) {
        this.replay = replay;
        this.commands = replay.commands;
    }

    void importPermit(DemoPlan.ImportPermit e) {
        DemoPlan.Household h = replay.household(e.household());
        Actor caseworker = replay.caseworker();
        ImportOutcome outcome = replay.inTransaction(() -> commands.permitImport().importPermit(request(h, true), caseworker));
        if (!outcome.ok() && outcome.problems().stream().allMatch(p -> p.field().endsWith("dNumber"))) {
            // A D-number already in the database (from other data) is not worth losing the household for.
            outcome = replay.inTransaction(() -> commands.permitImport().importPermit(request(h, false), caseworker));
        }
        if (outcome.ok()) {
            replay.imported(e.household(), outcome.caseId());
        } else {
            replay.lost(e, e.household(), outcome.problems().toString());
        }
    }

    private PermitImportRequest request(DemoPlan.Household h, boolean withDNumbers) {
        List<PermitImportRequest.PersonData> persons = h.persons().stream()
                .map(p -> new PermitImportRequest.PersonData(p.dufNumber(), null, withDNumbers ? p.dNumber() : null,
                        p.givenName(), p.familyName(), p.birthDate(), p.sex(), p.citizenship(), p.relation(), null,
                        // The main person's contact, so "Kontakt" is filled once the municipality may see it (issue 16
                        // point 10); the reserved .test domain never reaches anyone.
                        p.relation() == no.bosetting.cases.Relation.MAIN ? "duf" + p.dufNumber() + "@" + UserAccounts.DEMO_MAIL_DOMAIN : null))
                .toList();
        return new PermitImportRequest(h.permitReference(), h.permitType(), h.permitDate(), h.livingSituation(),
                h.centre() == null ? null : replay.centreId(h.centre()), h.municipalityNumber(), persons);
    }

    void holdInterview(DemoPlan.HoldInterview e) {
        DemoPlan.Household h = replay.household(e.household());
        Actor actor = h.centre() != null ? replay.staff(h.centre()) : replay.caseworker();
        replay.caseCheck(e, e.household(), replay.command(() -> commands.interviews().record(replay.caseId(e.household()),
                h.interview(), actor)));
    }

    void sendList(DemoPlan.SendList e) {
        List<Integer> sendable = e.households().stream().filter(replay::caseGoesOn).toList();
        if (sendable.isEmpty()) {
            return;
        }
        String note = "Fordelingsliste uke " + replay.date(e.at()).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        CommandResult<Long> all = replay.command(() -> commands.proposals().sendList(replay.caseworker(), e.municipalityNumber(),
                sendable.stream().map(replay::caseId).toList(), note));
        if (all.isSuccess()) {
            return;
        }
        // A list goes all or nothing; send the rest one by one so one bad household does not hold the others back.
        for (Integer i : sendable) {
            replay.caseCheck(e, i, replay.command(() -> commands.proposals().sendList(replay.caseworker(), e.municipalityNumber(),
                    List.of(replay.caseId(i)), note)));
        }
    }

    /**
     * The municipality accepts, if it has room. The plan forecast its places; the decisions module counts them
     * (with everything else in the database), so the municipality first asks the one place rule whether the household
     * fits ({@link no.bosetting.decisions.PlaceRule#wouldFit}). Without room it rejects the proposal saying so, and the household is proposed to
     * the municipalities with the most places left that have room for it, until one accepts.
     */
    void accept(DemoPlan.Accept e) {
        long caseId = replay.caseId(e.household());
        Optional<ProposalRow> pending = pendingProposal(caseId, e.municipalityNumber());
        if (pending.isEmpty()) {
            replay.lost(e, e.household(), "no pending proposal");
            return;
        }
        DemoPlan.Household h = replay.household(e.household());
        if (!commands.placeRule().wouldFit(e.municipalityNumber(), e.plannedDate().getYear(), h.size(),
                h.unaccompaniedMinor() ? h.size() : 0, 0)) {
            CommandResult<?> rejected = replay.command(() -> commands.proposals().reject(replay.officer(e.municipalityNumber()),
                    pending.get().id(), RejectionReason.CAPACITY_USED, "Vedtaket for året er fylt opp."));
            Optional<String> elsewhere = rejected.isSuccess() ? proposeElsewhere(e, caseId) : Optional.empty();
            if (elsewhere.isPresent()) {
                replay.offeredElsewhere(e.household(), elsewhere.get());
            } else {
                replay.lost(e, e.household(), rejected.isSuccess() ? "no municipality with room"
                        : DemoReplay.describe(rejected.failure()));
            }
            return;
        }
        replay.caseCheck(e, e.household(), acceptProposal(pending.get(), caseId, e.plannedDate()));
    }

    private boolean roomFor(int household, PlacesUsed places) {
        DemoPlan.Household h = replay.household(household);
        return places.roomFor(h.size(), h.unaccompaniedMinor());
    }

    /**
     * Proposes the household to the municipalities with the most places left that year that have room for it, as
     * the decisions module counts them, one after the other until one accepts; at most three tries.
     */
    private Optional<String> proposeElsewhere(DemoPlan.Accept e, long caseId) {
        Comparator<PlacesUsed> mostLeft = replay.household(e.household()).unaccompaniedMinor()
                ? Comparator.comparingInt(PlacesUsed::remainingMinors).reversed()
                : Comparator.comparing(PlacesUsed::remaining).reversed();
        List<String> candidates = commands.settlementDecisions().placesForYear(e.plannedDate().getYear()).stream()
                .filter(p -> roomFor(e.household(), p))
                // Planning works with a range's minimum: the agency proposes elsewhere only within it.
                .filter(p -> p.remaining() != null && p.remaining() >= replay.household(e.household()).size())
                .filter(p -> !commands.proposals().wasProposedTo(caseId, p.municipalityNumber()))
                .sorted(mostLeft.thenComparing(PlacesUsed::municipalityNumber))
                .map(PlacesUsed::municipalityNumber).limit(3).toList();
        for (String m : candidates) {
            CommandResult<Long> sent = replay.command(() -> commands.proposals().sendList(replay.caseworker(), m, List.of(caseId),
                    "Ny fordeling etter avslag"));
            if (!sent.isSuccess()) {
                continue;
            }
            Optional<ProposalRow> pending = pendingProposal(caseId, m);
            if (pending.isPresent() && acceptProposal(pending.get(), caseId, e.plannedDate()).isSuccess()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private CommandResult<List<Long>> acceptProposal(ProposalRow proposal, long caseId, LocalDate plannedDate) {
        Map<Long, LocalDate> planned = new HashMap<>();
        for (Long personId : commands.caseQueries().personIds(caseId)) {
            planned.put(personId, plannedDate);
        }
        return replay.command(() -> commands.proposals().accept(replay.officer(proposal.municipalityNumber()), proposal.id(),
                planned, null));
    }

    void reject(DemoPlan.Reject e) {
        Optional<ProposalRow> pending = pendingProposal(replay.caseId(e.household()), e.municipalityNumber());
        if (pending.isEmpty()) {
            replay.lost(e, e.household(), "no pending proposal");
            return;
        }
        replay.caseCheck(e, e.household(), replay.command(() -> commands.proposals().reject(replay.officer(e.municipalityNumber()),
                pending.get().id(), e.code(), e.text())));
    }

    void registerSettlement(DemoPlan.RegisterSettlement e) {
        List<SettlementDecision> open = commands.settlementDecisions().forCase(replay.caseId(e.household())).stream()
                .filter(d -> d.status() == DecisionStatus.OFFERED).toList();
        if (open.isEmpty()) {
            if (!replay.hasNoOffer(e.household())) {
                replay.lost(e, e.household(), "no open decision");
            }
            return;
        }
        // All members in one transaction, so a household is never left half settled.
        replay.caseCheck(e, e.household(), replay.command(() -> {
            for (SettlementDecision d : open) {
                CommandResult<SettlementDecision> r = commands.settlementDecisions().registerSettlementDate(d.id(), e.date(), null,
                        replay.officer(d.municipalityNumber()));
                if (!r.isSuccess()) {
                    throw new CommandFailedException(r.failure());
                }
            }
            return CommandResult.ok(open.size());
        }));
    }

    void declineOffer(DemoPlan.DeclineOffer e) {
        replay.caseCheck(e, e.household(), replay.command(() -> commands.settlementDecisions().decline(replay.caseId(e.household()),
                replay.caseworker(), e.reason(), replay.informed(e.at(), e.household(),
                        InformationChannel.CONVERSATION_WITH_INTERPRETER))));
    }

    void close(DemoPlan.CloseCase e) {
        InformationChannel channel = e.reason() == CloseReason.LEFT_NORWAY ? InformationChannel.LETTER
                : InformationChannel.CONVERSATION_WITH_INTERPRETER;
        replay.caseCheck(e, e.household(), replay.command(() -> commands.cases().close(replay.caseId(e.household()),
                replay.caseworker(), e.reason(), e.text(), replay.informed(e.at(), e.household(), channel))));
    }

    private Optional<ProposalRow> pendingProposal(long caseId, String municipalityNumber) {
        return commands.proposals().forCase(caseId).stream()
                .filter(p -> p.status() == ProposalStatus.PENDING && p.municipalityNumber().equals(municipalityNumber))
                .findFirst();
    }
}
