package no.bosetting.interview.web;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.MappingScope;
import no.bosetting.cases.ReceptionScope;

/**
 * Who may do and see what of the interview on the web pages. The service re-checks recording; these
 * rules decide what a page offers and which answers it may put in front of the actor at all.
 */
final class InterviewAccess {

    private InterviewAccess() {
    }

    /** The interview is the work of the centre the household lives in; the agency caseworker can stand in for it. */
    static boolean mayOpen(CaseSummary summary, Actor actor) {
        return actor.is(Role.AGENCY_CASEWORKER) || ReceptionScope.sees(actor, summary) || MappingScope.sees(actor, summary);
    }

    /** Mirrors the service: once a municipality has been offered the household, the answers are what it decided on. */
    static boolean recordable(CaseSummary summary) {
        return summary.status().isOpen() && summary.status() != CaseStatus.OFFERED && summary.status() != CaseStatus.AWAITING_APPLICATION;
    }

    static boolean mayRecord(CaseSummary summary, Actor actor) {
        return mayOpen(summary, actor) && recordable(summary);
    }

    /** Family, network and the minor's situation: only for the agency and the centre the household lives in now. */
    static boolean seesPersonalDetails(CaseSummary summary, Actor actor) {
        return actor.isAgency() || ReceptionScope.sees(actor, summary) || MappingScope.sees(actor, summary);
    }

    /**
     * Health details need a purpose: the agency allocating, the centre following the person up, and the municipality
     * that has accepted the household (report 004 line 59: IMDi passes the collected personal and health information to
     * the settling municipality). Whether there is anything to see is the consent's question.
     */
    static boolean seesHealth(CaseSummary summary, Actor actor) {
        return seesPersonalDetails(summary, actor) || settlingMunicipality(summary, actor);
    }

    static boolean settlingMunicipality(CaseSummary summary, Actor actor) {
        return actor.is(Role.MUNICIPALITY_OFFICER) && actor.municipalityNumber() != null
                && actor.municipalityNumber().equals(summary.settlementMunicipality())
                && (summary.status() == CaseStatus.OFFERED || summary.status() == CaseStatus.SETTLED);
    }
}
