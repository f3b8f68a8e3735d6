package no.bosetting.proposals.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import no.bosetting.cases.AnonymousMember;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.HouseholdType;
import no.bosetting.cases.Relation;
import no.bosetting.interview.InterviewProfile;
import no.bosetting.proposals.ProposalCommand;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.ProposalStatus;
import no.bosetting.proposals.RejectionReason;

/** The JSON shapes of distribution lists, proposals and answers. Nothing here identifies a person before acceptance. */
final class ProposalJson {

    private ProposalJson() {
    }

    public record AllocationListRequest(@Schema(example = "4601") String municipalityNumber,
                                        @Schema(description = "Households ready for allocation") List<Long> caseIds,
                                        String note) {
    }

    public record AllocationListJson(long id, String municipalityNumber, LocalDate deadline, List<ProposalSummary> proposals) {
    }

    @Schema(description = "A proposal in an overview list; no personal data")
    public record ProposalSummary(long id, long allocationListId, long caseId, String caseReference, String municipalityNumber,
                                  String municipalityName, ProposalStatus status, HouseholdType householdType, int persons,
                                  boolean unaccompaniedMinor, OffsetDateTime proposedAt, LocalDate deadline, long daysLeft,
                                  boolean overdue, OffsetDateTime answeredAt, Boolean answeredLate,
                                  RejectionReason rejectionCode, String rejectionText,
                                  @Schema(description = "Set when the agency accepted beyond the decided number") String overrideReason,
                                  @Schema(description = "What the caller may do with the proposal now (e.g. ACCEPT, REJECT, WITHDRAW)")
                                  List<ProposalCommand> validCommands) {

        static ProposalSummary of(ProposalRow p, List<ProposalCommand> validCommands) {
            return new ProposalSummary(p.id(), p.allocationListId(), p.caseId(), p.caseReference(), p.municipalityNumber(),
                    p.municipalityName(), p.status(), p.householdType(), p.persons(), p.unaccompaniedMinor(), p.proposedAt(),
                    p.deadline(), p.daysLeft(), p.overdue(), p.answeredAt(), p.answeredLate(), p.rejectionCode(),
                    p.rejectionText(), p.overrideReason(), List.copyOf(validCommands));
        }
    }

    @Schema(description = "A household member without name or identifiers; `position` is how the accept request refers to it")
    public record Member(int position, int age, String sex, String citizenship, Relation relation) {

        static Member of(int position, AnonymousMember m) {
            return new Member(position, m.age(), String.valueOf(m.sex()), m.citizenship(), m.relation());
        }
    }

    @Schema(description = "Needs and resources from the interview; no family or network details, health details only with consent")
    public record Profile(boolean interviewRecorded, boolean needsFollowUp, String adaptationNeeds, String healthDetails,
                          String pets, String education, String workExperience, Boolean drivingLicence, Boolean hasCar,
                          String languages) {

        static Profile of(InterviewProfile p) {
            return new Profile(p.recorded(), p.needsFollowUp(), p.adaptationNeeds(), p.healthDetails(), p.pets(), p.education(),
                    p.workExperience(), p.drivingLicence(), p.hasCar(), p.languages());
        }
    }

    @Schema(description = "The anonymised profile a municipality decides on")
    public record ProposalDetailJson(ProposalSummary proposal, List<Member> members, Profile profile, String livingSituation,
                                     long daysWaited) {
    }

    @Schema(description = "Planned settlement dates: `plannedDate` for every member not given otherwise, or per member by "
            + "`plannedDatesByPosition` (positions from the proposal detail) or, for the agency, by person id in `plannedDates`.")
    public record AcceptRequest(@Schema(description = "One planned date for all members") LocalDate plannedDate,
                                @Schema(description = "Member position → planned date") Map<Integer, LocalDate> plannedDatesByPosition,
                                @Schema(description = "Person id → planned date") Map<Long, LocalDate> plannedDates,
                                @Schema(description = "Agency only: accepting on the municipality's behalf, also beyond its decided number")
                                String overrideReason) {
    }

    @Schema(description = "The individual decision on settlement municipality made for one member")
    public record OfferedDecision(long decisionId, int position, long personId, LocalDate plannedSettlementDate,
                                  int placeYear, String overrideReason) {
    }

    public record AcceptResult(long proposalId, long caseId, ProposalStatus status, CaseStatus caseStatus,
                               List<OfferedDecision> decisions) {
    }

    @Schema(description = "A rejection needs both a reason code and a text")
    public record RejectRequest(RejectionReason code, String text) {
    }

    public record WithdrawRequest(String reason) {
    }

    public record AnswerResult(long proposalId, ProposalStatus status, long caseId, CaseStatus caseStatus) {
    }
}
