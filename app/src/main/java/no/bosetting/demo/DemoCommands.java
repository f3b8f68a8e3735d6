package no.bosetting.demo;

import no.bosetting.access.UserAccounts;
import no.bosetting.applications.ApplicationRights;
import no.bosetting.applications.SettlementApplications;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.ReceptionCentres;
import no.bosetting.decisions.PlaceRule;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.Interviews;
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.ThreadMessages;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.planning.CapacityRequests;
import no.bosetting.planning.NationalPlan;
import no.bosetting.planning.PlanRevision;
import no.bosetting.proposals.Proposals;
import no.bosetting.reconsideration.Reconsiderations;
import no.bosetting.selfsettlement.MunicipalityInitiatedSelfSettlements;
import no.bosetting.selfsettlement.SelfSettlementOverview;
import no.bosetting.selfsettlement.SelfSettlementApprovals;
import no.bosetting.selfsettlement.SelfSettlementChecks;
import no.bosetting.selfsettlement.SelfSettlementRegistrations;
import no.bosetting.selfsettlement.SelfSettlementSettings;
import no.bosetting.selfsettlement.SelfSettlementWindows;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The application's commands and reads the demo replays its plan through: the same ones the pages and the API call. */
@Component
@Profile("!prod")
record DemoCommands(Municipalities municipalities, ReceptionCentres centres, UserAccounts users, PermitImport permitImport,
                    Interviews interviews, Proposals proposals, SettlementDecisions settlementDecisions, CaseCommands cases,
                    CaseQueries caseQueries, CapacityDecisions capacityDecisions, CapacityRequests capacityRequests,
                    SelfSettlementSettings selfSettlementSettings, SelfSettlementRegistrations selfSettlementRegistrations,
                    SelfSettlementChecks selfSettlementChecks, SelfSettlementApprovals selfSettlementApprovals,
                    SelfSettlementWindows selfSettlementWindows, SelfSettlementOverview selfSettlementOverview,
                    MunicipalityInitiatedSelfSettlements municipalityInitiated,
                    SettlementApplications applications, MessageThreads messageThreads,
                    ThreadMessages messages, Reconsiderations reconsiderations, NationalPlan nationalPlan, PlanRevision planRevision,
                    no.bosetting.moves.SecondaryMoves secondaryMoves, PlaceRule placeRule, ApplicationRights applicationRights) {
}
