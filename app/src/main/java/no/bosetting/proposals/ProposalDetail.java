package no.bosetting.proposals;

import java.util.List;

import no.bosetting.cases.AnonymousMember;
import no.bosetting.interview.InterviewProfile;

/** What the municipality sees before answering: the anonymised profile only. */
public record ProposalDetail(ProposalRow proposal, List<AnonymousMember> members, InterviewProfile profile,
                             String livingSituation, long daysWaited) {
}
