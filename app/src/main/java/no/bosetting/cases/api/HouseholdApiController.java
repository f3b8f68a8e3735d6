package no.bosetting.cases.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.TwoStepControl;
import no.bosetting.cases.HouseholdChanges;
import no.bosetting.cases.HouseholdQueries;
import no.bosetting.cases.HouseholdView;
import no.bosetting.cases.IdentityKind;
import no.bosetting.cases.JoinReason;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.PersonCorrections;
import no.bosetting.cases.Relation;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.api.ApiDocumentation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's household: its members with identity numbers over time and address (every read logged), and the agency
 * caseworker's changes — add, remove, split, correct, a new identity number, an address — and a member joining by a
 * UDI permit of their own. A refusal is an RFC 9457 problem naming the field; nothing is changed.
 */
@RestController
@Tag(name = ApiDocumentation.TAG_CASES)
class HouseholdApiController {

    private final HouseholdQueries queries;
    private final HouseholdChanges changes;
    private final PersonCorrections corrections;
    private final PermitImport permits;
    private final TwoStepControl twoStep;

    HouseholdApiController(HouseholdQueries queries, HouseholdChanges changes, PersonCorrections corrections, PermitImport permits,
                           TwoStepControl twoStep) {
        this.twoStep = twoStep;
        this.queries = queries;
        this.changes = changes;
        this.corrections = corrections;
        this.permits = permits;
    }

    record IdentityJson(IdentityKind kind, String value, LocalDate validFrom, LocalDate validTo, String reason,
                        OffsetDateTime recordedAt, String recordedBy) {
    }

    record MemberJson(long personId, String givenName, String familyName, LocalDate birthDate, char sex, Relation relation,
                      String dufNumber, String dNumber, String nationalId, JoinReason joinedReason, LocalDate joinedOn,
                      String addressLine, String postalCode, String postalPlace, String addressMunicipality,
                      LocalDate addressFrom, List<IdentityJson> identityNumbers) {

        static MemberJson of(HouseholdView.Member m) {
            var p = m.person();
            return new MemberJson(p.id(), p.givenName(), p.familyName(), p.birthDate(), p.sex(), p.relation(), p.dufNumber(),
                    p.dNumber(), p.nationalId(), m.joinedReason(), m.joinedOn(), m.addressLine(), m.postalCode(), m.postalPlace(),
                    m.addressMunicipality(), m.addressFrom(), m.identities().stream().map(i -> new IdentityJson(i.kind(), i.value(),
                    i.validFrom(), i.validTo(), i.reason(), i.recordedAt(), i.recordedBy())).toList());
        }
    }

    record HouseholdJson(long caseId, String reference, String householdType, int persons, int children,
                         boolean unaccompaniedMinor, List<MemberJson> members) {
    }

    @GetMapping("/api/v1/cases/{id}/household")
    @Operation(summary = "The household's members with identity numbers over time and address",
            description = "Agency roles. Every read is in the access log.")
    public HouseholdJson household(@PathVariable long id) {
        HouseholdView h = queries.household(id, CurrentActor.get(), "api:/api/v1/cases/" + id + "/household")
                .orElseThrow(() -> new CommandFailedException(CommandFailure.NotFound.of("error.case.notFound", id)));
        var s = h.summary();
        return new HouseholdJson(s.id(), s.reference(), s.householdType().name(), s.persons(), s.children(), s.unaccompaniedMinor(),
                h.members().stream().map(MemberJson::of).toList());
    }

    record NewMemberRequest(JoinReason joinReason, String givenName, String familyName, LocalDate birthDate, String sex,
                            String citizenship, Relation relation, String dufNumber, String dNumber, String nationalId,
                            PermitType permitType, LocalDate permitDate, String permitReference, String note,
                            String overrideReason) {

        HouseholdChanges.NewMember member(JoinReason reason) {
            return new HouseholdChanges.NewMember(reason, givenName, familyName, birthDate, sex, citizenship, relation, dufNumber,
                    dNumber, nationalId, permitType, permitDate, permitReference, note, overrideReason);
        }
    }

    record Created(long caseId, long personId) {
    }

    @PostMapping("/api/v1/cases/{id}/household/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a member (birth, family reunification with its permit, joining later)",
            description = "Agency caseworker. After an acceptance the member takes a place in the settlement municipality; "
                    + "refused when its decided number is used up unless overrideReason is given. With two-step control on, "
                    + "a member beyond the decided number is held for a second person: 202 Accepted with the proposal.")
    public Created add(@PathVariable long id, @RequestBody NewMemberRequest request) {
        Actor actor = CurrentActor.get();
        HouseholdChanges.NewMember member = request.member(request.joinReason());
        return new Created(id, TwoStepControl.<Long>valueOrHeld(twoStep.orNow(TwoStepControl.Kind.HOUSEHOLD_BEYOND_PLACES, id, actor,
                member.input(), () -> changes.addMember(id, member, actor))));
    }

    record PermitMemberRequest(String caseReference, NewMemberRequest person) {
    }

    @PostMapping("/api/v1/permits/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A UDI permit for a new member of an existing household (family reunification)",
            description = "Attaches the person to the case with that reference; sending the same DUF number again changes nothing.")
    public Created permitMember(@RequestBody PermitMemberRequest request) {
        NewMemberRequest p = request.person() == null ? new NewMemberRequest(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null) : request.person();
        var result = permits.importMember(request.caseReference(), p.member(JoinReason.FAMILY_REUNIFICATION), CurrentActor.get());
        return new Created(result.value()[0], result.value()[1]);
    }

    record RemoveRequest(String reason) {
    }

    @PostMapping("/api/v1/cases/{id}/household/members/{personId}/remove")
    @Operation(summary = "Remove a member (not the last, not the main person)", description = "Agency caseworker; a reason is required.")
    public void remove(@PathVariable long id, @PathVariable long personId, @RequestBody RemoveRequest request) {
        changes.removeMember(id, personId, request.reason(), CurrentActor.get()).value();
    }

    record SplitRequest(List<Long> personIds, Long newMainPersonId, String reason) {
    }

    record SplitResult(long caseId, long newCaseId) {
    }

    @PostMapping("/api/v1/cases/{id}/household/split")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Split the chosen members into a new case", description = "Agency caseworker; before any proposal.")
    public SplitResult split(@PathVariable long id, @RequestBody SplitRequest request) {
        return new SplitResult(id, changes.split(id, request.personIds(), request.newMainPersonId(), request.reason(),
                CurrentActor.get()).value());
    }

    record CorrectionRequest(String givenName, String familyName, LocalDate birthDate, String sex, Relation relation,
                             Boolean unaccompaniedMinor, String reason, String overrideReason) {
    }

    @PostMapping("/api/v1/cases/{id}/household/members/{personId}/corrections")
    @Operation(summary = "Correct a member's name, birth date, sex, relation and the household's unaccompanied-minor flag",
            description = "Agency caseworker; every field is the corrected value; a reason is required. With two-step control "
                    + "on, a household corrected into an unaccompanied minor beyond the minors' places (overrideReason) is held "
                    + "for a second person: 202 Accepted with the proposal.")
    public void correct(@PathVariable long id, @PathVariable long personId, @RequestBody CorrectionRequest r) {
        Actor actor = CurrentActor.get();
        PersonCorrections.Correction c = new PersonCorrections.Correction(r.givenName(), r.familyName(), r.birthDate(), r.sex(),
                r.relation(), r.unaccompaniedMinor(), r.reason(), r.overrideReason());
        TwoStepControl.valueOrHeld(twoStep.orNow(TwoStepControl.Kind.HOUSEHOLD_BEYOND_PLACES, id, actor, c.input(personId),
                () -> corrections.correct(id, personId, c, actor)));
    }

    record IdentityRequest(IdentityKind kind, String number, LocalDate validFrom, String reason) {
    }

    @PostMapping("/api/v1/cases/{id}/household/members/{personId}/identity-numbers")
    @Operation(summary = "Record a new identity number (DUF, D-number or national identity number)",
            description = "Mod-11 checked; a number anyone has had is refused; the earlier number of the kind (and the "
                    + "D-number, for a national identity number) ends the day before and stays in the history.")
    public void identity(@PathVariable long id, @PathVariable long personId, @RequestBody IdentityRequest r) {
        corrections.registerIdentity(id, personId, r.kind(), r.number(), r.validFrom(), r.reason(), CurrentActor.get()).value();
    }

    record AddressRequest(String addressLine, String postalCode, String postalPlace, String municipalityNumber, LocalDate from,
                          String reason) {
    }

    @PostMapping("/api/v1/cases/{id}/household/members/{personId}/address")
    @Operation(summary = "Record a member's address", description = "Agency caseworker.")
    public void address(@PathVariable long id, @PathVariable long personId, @RequestBody AddressRequest r) {
        Actor actor = CurrentActor.get();
        corrections.changeAddress(id, personId, new PersonCorrections.Address(r.addressLine(), r.postalCode(), r.postalPlace(),
                r.municipalityNumber(), r.from(), r.reason()), actor).value();
    }
}
