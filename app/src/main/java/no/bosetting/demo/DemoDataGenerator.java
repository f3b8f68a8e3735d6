package no.bosetting.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.applications.SettlementApplication;
import no.bosetting.applications.SettlementApplications;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CloseReason;
import no.bosetting.cases.ConsequenceInformed;
import no.bosetting.cases.InformationChannel;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.ReceptionCentres;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.PlacesUsed;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.interview.Interviews;
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.ThreadRef;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.planning.CapacityDecisions;
import no.bosetting.planning.CapacityRequests;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.ProposalStatus;
import no.bosetting.proposals.Proposals;
import no.bosetting.proposals.RejectionReason;
import no.bosetting.reconsideration.ReconsiderationRequest;
import no.bosetting.reconsideration.Reconsiderations;
import no.bosetting.selfsettlement.InspectionResult;
import no.bosetting.selfsettlement.MunicipalityInitiatedSelfSettlements;
import no.bosetting.selfsettlement.RequestChecklist;
import no.bosetting.selfsettlement.RequestData;
import no.bosetting.selfsettlement.SelfSettlementApprovals;
import no.bosetting.selfsettlement.SelfSettlementChecks;
import no.bosetting.selfsettlement.SelfSettlementRegistrations;
import no.bosetting.selfsettlement.SelfSettlementSettings;
import no.bosetting.selfsettlement.SelfSettlementWindows;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.ShiftableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a demo database: plans a year with {@link DemoPlanner}, then replays it through the real
 * commands, each at its own moment via {@link ShiftableClock#runAt}. Does nothing when demo data
 * (any case with a {@value #REFERENCE_PREFIX} permit reference) is already there. Never exists in the
 * {@code prod} profile, so nothing there can seed demo households or demo accounts.
 */
@Service
@Profile("!prod")
public class DemoDataGenerator {

    static final String REFERENCE_PREFIX = "DEMO-";
    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    private static final int DETAILED_FAILURE_LOGS = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Municipalities municipalities;
    private final ReceptionCentres centres;
    private final UserAccounts users;
    private final PermitImport permitImport;
    private final Interviews interviews;
    private final Proposals proposals;
    private final SettlementDecisions settlementDecisions;
    private final CaseCommands caseCommands;
    private final CaseQueries caseQueries;
    private final CapacityDecisions capacityDecisions;
    private final CapacityRequests capacityRequests;
    private final Newer newer;

    /** The newer modules' commands the demo uses on top of the replayed year. */
    public record Newer(SelfSettlementSettings asbSettings, SelfSettlementRegistrations asbRegistrations,
                        SelfSettlementChecks asbChecks, SelfSettlementApprovals asbApprovals, SelfSettlementWindows asbWindows,
                        MunicipalityInitiatedSelfSettlements initiated, SettlementApplications applications,
                        MessageThreads messages, Reconsiderations reconsiderations) {
    }

    public DemoDataGenerator(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager,
                             Municipalities municipalities, ReceptionCentres centres, UserAccounts users,
                             PermitImport permitImport, Interviews interviews, Proposals proposals,
                             SettlementDecisions settlementDecisions, CaseCommands caseCommands, CaseQueries caseQueries,
                             CapacityDecisions capacityDecisions, CapacityRequests capacityRequests,
                             SelfSettlementSettings asbSettings, SelfSettlementRegistrations asbRegistrations,
                             SelfSettlementChecks asbChecks, SelfSettlementApprovals asbApprovals, SelfSettlementWindows asbWindows, MunicipalityInitiatedSelfSettlements initiated,
                             SettlementApplications applications, MessageThreads messages, Reconsiderations reconsiderations) {
        this.newer = new Newer(asbSettings, asbRegistrations, asbChecks, asbApprovals, asbWindows, initiated, applications, messages, reconsiderations);
        this.capacityRequests = capacityRequests;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
        this.municipalities = municipalities;
        this.centres = centres;
        this.users = users;
        this.permitImport = permitImport;
        this.interviews = interviews;
        this.proposals = proposals;
        this.settlementDecisions = settlementDecisions;
        this.caseCommands = caseCommands;
        this.caseQueries = caseQueries;
        this.capacityDecisions = capacityDecisions;
    }

    /** The plan this generator would replay for a seed and size, ending at {@code now}. */
    public DemoPlan plan(long seed, int households, Instant now) {
        return DemoPlanner.plan(seed, households, now, municipalities.all());
    }

    public boolean alreadySeeded() {
        return jdbc.sql("select exists (select 1 from settlement_case where permit_reference like :p)")
                .param("p", REFERENCE_PREFIX + "%").query(Boolean.class).single();
    }

    /** Seeds a year ending now unless demo data exists; returns what was created, or empty when it skipped. */
    public Optional<DemoSummary> generate(long seed, int households) {
        if (alreadySeeded()) {
            log.info("Demo data already present; nothing to do");
            return Optional.empty();
        }
        long started = System.nanoTime();
        DemoPlan plan = plan(seed, households, clock.instant());
        log.info("Demo data: planned {} households and {} events (seed {}) in {} ms",
                plan.households().size(), plan.events().size(), seed, (System.nanoTime() - started) / 1_000_000);
        return Optional.of(replay(plan, started));
    }

    /** Replays a plan unless demo data exists; returns what was created, or empty when it skipped. */
    public Optional<DemoSummary> generate(DemoPlan plan) {
        if (alreadySeeded()) {
            log.info("Demo data already present; nothing to do");
            return Optional.empty();
        }
        return Optional.of(replay(plan, System.nanoTime()));
    }

    private DemoSummary replay(DemoPlan plan, long started) {
        log.info("Demo data: replaying {} events through the commands", plan.events().size());
        Replay replay = new Replay(plan);
        replay.run();
        DemoSummary summary = summary(plan, replay, Duration.ofNanos(System.nanoTime() - started));
        logSummary(summary, replay.failureCounts);
        return summary;
    }

    /**
     * Households, persons and cases per status created for one seed; {@code refusals} counts commands
     * the application refused, {@code householdsLeftBehind} the households whose flow stopped there.
     */
    public record DemoSummary(long seed, int households, long persons, Map<CaseStatus, Long> statuses, int events,
                              int refusals, int householdsLeftBehind, Duration duration) {
    }

    private DemoSummary summary(DemoPlan plan, Replay replay, Duration duration) {
        Map<CaseStatus, Long> statuses = new EnumMap<>(CaseStatus.class);
        long[] persons = new long[1];
        long[] households = new long[1];
        jdbc.sql("select status, count(*), sum(persons) from settlement_case where permit_reference like :p group by status")
                .param("p", referencePrefix(plan.seed()) + "%")
                .query((rs, n) -> {
                    statuses.put(CaseStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    households[0] += rs.getLong(2);
                    persons[0] += rs.getLong(3);
                    return null;
                }).list();
        return new DemoSummary(plan.seed(), (int) households[0], persons[0], statuses, plan.events().size(), replay.failures,
                replay.broken.size(), duration);
    }

    static String referencePrefix(long seed) {
        return REFERENCE_PREFIX + seed + "-";
    }

    private void logSummary(DemoSummary s, Map<String, Integer> failureCounts) {
        log.info("Demo data seeded in {} s: {} households, {} persons, {} events replayed, {} refused, {} households left behind",
                String.format("%.1f", s.duration().toMillis() / 1000.0), s.households(), s.persons(), s.events(), s.refusals(),
                s.householdsLeftBehind());
        log.info("Demo cases per status: {}", s.statuses());
        if (!failureCounts.isEmpty()) {
            log.info("Demo refusals by reason: {}", failureCounts);
        }
        logExamples();
        StringBuilder logins = new StringBuilder("Demo logins (password \"" + DemoCatalogue.PASSWORD + "\"):");
        for (DemoCatalogue.Login l : DemoCatalogue.LOGINS) {
            String scope = l.municipalityNumber() != null ? l.municipalityNumber() + " " + municipalities.name(l.municipalityNumber())
                    : l.centreShortName() != null ? l.displayName() : "nasjonalt";
            logins.append(String.format("%n  %-20s %-20s %s", l.username(), l.role(), scope));
        }
        log.info(logins.toString());
    }

    /**
     * A few DUF numbers (sign in at /min-side/logg-inn) and cases that show the newer modules, since which
     * households they are depends on the day the demo was seeded.
     */
    private void logExamples() {
        StringBuilder b = new StringBuilder("Demo examples of the newer features (DUF number of the main person):");
        example(b, "self-settlement request waiting for the agency (/selvbosetting)", """
                select p.duf_number || ' (' || r.municipality_number || ')' from self_settlement_request r
                join person p on p.case_id = r.case_id and p.relation = 'MAIN'
                where r.status = 'FORWARDED' order by r.forwarded_at, r.id limit 3""");
        example(b, "self-settlement request being checked (/kommune/selvbosetting)", """
                select p.duf_number || ' (' || r.municipality_number || ')' from self_settlement_request r
                join person p on p.case_id = r.case_id and p.relation = 'MAIN'
                where r.status in ('REQUESTED', 'UNDER_MUNICIPAL_CHECK') order by r.id limit 3""");
        example(b, "opt-in window open (/min-side/selvbosetting)", """
                select p.duf_number from self_settlement_window w join person p on p.case_id = w.case_id and p.relation = 'MAIN'
                where w.closed_at is null order by w.id limit 3""");
        example(b, "application waiting (/soknader, /min-side/soknad)", """
                select duf_number from settlement_application where status = 'SUBMITTED' order by submitted_at, id limit 3""");
        example(b, "application handled", """
                select duf_number || ' ' || status from settlement_application where status in ('ACCEPTED', 'REFUSED')
                order by handled_at desc, id limit 3""");
        example(b, "reconsideration (/saker/{id}/omgjoring, /omgjoringer): case id", """
                select case_id || ' ' || status from reconsideration order by id limit 4""");
        log.info(b.toString());
    }

    private void example(StringBuilder b, String what, String sql) {
        b.append(String.format("%n  %-70s %s", what, String.join(", ", jdbc.sql(sql).query(String.class).list())));
    }

    /** One replay of a plan; holds the mapping from plan indexes to database ids. */
    private final class Replay {
        private final DemoPlan plan;
        private final List<Long> centreIds = new ArrayList<>();
        private final Map<String, Actor> logins = new HashMap<>();
        private final Map<Integer, Long> caseIds = new HashMap<>();
        private final Set<Integer> broken = new HashSet<>();
        private final Map<String, Integer> failureCounts = new TreeMap<>();
        private final Actor caseworker;
        private final Actor planner;
        private final Actor administrator;
        private final Map<Integer, Long> asbRequestIds = new HashMap<>();
        private final Map<Integer, String> asbMunicipality = new HashMap<>();
        private final Map<Integer, Long> applicationIds = new HashMap<>();
        private int failures;

        Replay(DemoPlan plan) {
            this.plan = plan;
            for (DemoPlan.Centre c : plan.centres()) {
                centreIds.add(centres.create(c.name(), c.kind(), c.municipalityNumber()));
            }
            for (DemoCatalogue.Login l : DemoCatalogue.LOGINS) {
                Long centreId = null;
                if (l.centreShortName() != null) {
                    for (int i = 0; i < plan.centres().size(); i++) {
                        if (plan.centres().get(i).shortName().equals(l.centreShortName())) {
                            centreId = centreIds.get(i);
                        }
                    }
                }
                logins.put(l.username(), new Actor(l.username(), l.displayName(), l.role(), l.municipalityNumber(), centreId));
            }
            // Users first, so the replayed commands notify real accounts. Hashing a password is deliberately
            // slow, so the accounts are made side by side and existing ones are left alone.
            logins.values().parallelStream().filter(a -> users.findActor(a.username()).isEmpty())
                    .forEach(a -> users.createIfMissing(a, DemoCatalogue.PASSWORD, null));
            this.caseworker = logins.get("saksbehandler");
            this.planner = logins.get("planlegger");
            this.administrator = logins.get("admin");
        }

        void run() {
            issueRequests();
            LocalDate lastDay = null;
            for (DemoPlan.Event event : plan.events()) {
                LocalDate day = event.at().atZone(no.bosetting.shared.TimeConfig.OSLO).toLocalDate();
                if (lastDay != null && day.isAfter(lastDay)) {
                    // The daily job that closes opt-in windows past their last day, as it would have run that day.
                    ShiftableClock.runAt(event.at(), () -> newer.asbWindows().closeExpired());
                }
                lastDay = day;
                ShiftableClock.runAt(event.at(), () -> {
                    try {
                        apply(event);
                    } catch (RuntimeException e) {
                        // A broken event must not stop the demo: the household is left where it is.
                        refused(event, e.toString());
                        householdOf(event).ifPresent(broken::add);
                    }
                });
            }
        }

        /**
         * The agency's requests come before the councils decide: for every year the plan records decisions
         * in, the national need is the sum of those decisions and the requests are computed from it a month
         * before the first decision, so "requested vs decided" is meaningful in the demo.
         */
        private void issueRequests() {
            Map<Integer, List<DemoPlan.RecordCapacity>> byYear = new TreeMap<>();
            for (DemoPlan.Event e : plan.events()) {
                if (e instanceof DemoPlan.RecordCapacity c) {
                    byYear.computeIfAbsent(c.year(), y -> new ArrayList<>()).add(c);
                }
            }
            byYear.forEach((year, decisions) -> {
                int need = decisions.stream().mapToInt(DemoPlan.RecordCapacity::persons).sum();
                java.time.Instant first = decisions.stream().map(DemoPlan.RecordCapacity::at).min(java.util.Comparator.naturalOrder())
                        .orElseThrow().minus(java.time.Duration.ofDays(30));
                ShiftableClock.runAt(first, () -> {
                    LocalDate today = LocalDate.now(clock);
                    CommandResult<Void> saved = capacityRequests.saveNeed(planner, year, need, today, Map.of());
                    if (saved.isSuccess()) {
                        CommandResult<Integer> issued = capacityRequests.issue(planner, year, today, "Anmodning om bosetting i " + year);
                        if (!issued.isSuccess()) {
                            failureCounts.merge("request " + issued.failure().messageKey(), 1, Integer::sum);
                        }
                    } else {
                        failureCounts.merge("need " + saved.failure().messageKey(), 1, Integer::sum);
                    }
                });
            });
        }

        private void apply(DemoPlan.Event event) {
            if (event instanceof DemoPlan.RecordCapacity c) {
                Actor actor = officerLogin(c.municipalityNumber()).orElse(planner);
                check(event, command(() -> capacityDecisions.record(actor, c.municipalityNumber(), c.year(), c.persons(),
                        c.unaccompaniedMinors(), c.decidedOn())));
                return;
            }
            if (newer(event)) {
                return;
            }
            Optional<Integer> household = householdOf(event);
            if (household.isPresent() && broken.contains(household.get())) {
                return;
            }
            if (event instanceof DemoPlan.ImportPermit e) {
                importPermit(e);
            } else if (event instanceof DemoPlan.HoldInterview e) {
                DemoPlan.Household h = plan.households().get(e.household());
                Actor actor = h.centre() != null ? staff(h.centre()) : caseworker;
                caseCheck(event, e.household(), command(() -> interviews.record(caseId(e.household()), h.interview(), actor)));
            } else if (event instanceof DemoPlan.SendList e) {
                sendList(e);
            } else if (event instanceof DemoPlan.Accept e) {
                accept(e);
            } else if (event instanceof DemoPlan.Reject e) {
                long caseId = caseId(e.household());
                Optional<ProposalRow> pending = pendingProposal(caseId, e.municipalityNumber());
                if (pending.isEmpty()) {
                    lost(event, e.household(), "no pending proposal");
                    return;
                }
                caseCheck(event, e.household(), command(() -> proposals.reject(officer(e.municipalityNumber()),
                        pending.get().id(), e.code(), e.text())));
            } else if (event instanceof DemoPlan.RegisterSettlement e) {
                register(e);
            } else if (event instanceof DemoPlan.DeclineOffer e) {
                caseCheck(event, e.household(), command(() -> settlementDecisions.decline(caseId(e.household()), caseworker,
                        e.reason(), informed(e.at(), e.household(), InformationChannel.CONVERSATION_WITH_INTERPRETER))));
            } else if (event instanceof DemoPlan.CloseCase e) {
                caseCheck(event, e.household(), command(() -> caseCommands.close(caseId(e.household()), caseworker,
                        e.reason(), e.text(), informed(e.at(), e.household(), e.reason() == CloseReason.LEFT_NORWAY
                                ? InformationChannel.LETTER : InformationChannel.CONVERSATION_WITH_INTERPRETER))));
            } else {
                throw new IllegalStateException("Unknown demo event " + event);
            }
        }

        /**
         * Applies an event of the newer modules; false when the event is not one of them. A refusal is
         * counted but never stops the household's own flow.
         */
        private boolean newer(DemoPlan.Event event) {
            if (event instanceof DemoPlan.SaveSelfSettlementSetting e) {
                check(event, command(() -> newer.asbSettings().save(officer(e.municipalityNumber()), e.municipalityNumber(),
                        e.accepts(), e.rulesText(), e.rentLimit(), e.capPercent())));
                return true;
            }
            Integer household = newerHousehold(event);
            if (household == null) {
                return false;
            }
            if (household >= 0 && (broken.contains(household) || !caseIds.containsKey(household))
                    && !(event instanceof DemoPlan.SendApplication)) {
                return true;
            }
            if (event instanceof DemoPlan.RegisterSelfSettlement e) {
                // A municipality registers on the refugee's behalf only for a household living there (its
                // registration scope); a household living elsewhere registers its own request, as it must.
                boolean byMunicipality = e.byMunicipality() && caseQueries.summaryForSystem(caseId(e.household()))
                        .map(c -> e.municipalityNumber().equals(c.livingMunicipalityNumber())).orElse(false);
                Actor actor = byMunicipality ? officer(e.municipalityNumber()) : refugee(e.household());
                CommandResult<Long> r = command(() -> newer.asbRegistrations().register(actor, mainPerson(e.household()).dufNumber(),
                        new RequestData(e.municipalityNumber(), e.address(), e.landlordName(), e.landlordEmail(), e.leaseStart(),
                                e.monthlyRent(), e.rooms())));
                check(event, r);
                if (r.isSuccess()) {
                    asbRequestIds.put(e.household(), r.value());
                    asbMunicipality.put(e.household(), e.municipalityNumber());
                }
            } else if (event instanceof DemoPlan.StartSelfSettlementCheck e) {
                asb(event, e.household(), id -> newer.asbChecks().startCheck(asbOfficer(e.household()), id));
            } else if (event instanceof DemoPlan.ForwardSelfSettlement e) {
                asb(event, e.household(), id -> newer.asbChecks().forward(asbOfficer(e.household()), id,
                        new RequestChecklist(true, true, true, true, e.inspectionDate(), InspectionResult.APPROVED)));
            } else if (event instanceof DemoPlan.RefuseSelfSettlement e) {
                asb(event, e.household(), id -> e.byAgency() ? newer.asbApprovals().refuseByAgency(caseworker, id, e.reason(), e.text())
                        : newer.asbChecks().refuseByMunicipality(asbOfficer(e.household()), id, e.reason(), e.text()));
            } else if (event instanceof DemoPlan.ApproveSelfSettlement e) {
                asb(event, e.household(), id -> newer.asbApprovals().approve(caseworker, id, null, null));
            } else if (event instanceof DemoPlan.WithdrawSelfSettlement e) {
                asb(event, e.household(), id -> newer.asbRegistrations().withdraw(refugee(e.household()), id));
            } else if (event instanceof DemoPlan.SelfSettlementDwellingLost e) {
                asb(event, e.household(), id -> newer.asbRegistrations().dwellingLost(asbOfficer(e.household()), id, e.note()));
            } else if (event instanceof DemoPlan.OptInSelfSettlement e) {
                check(event, command(() -> newer.asbWindows().optIn(refugee(e.household()))));
            } else if (event instanceof DemoPlan.MarkMunicipalityInitiated e) {
                check(event, command(() -> newer.initiated().mark(officer(e.municipalityNumber()), caseId(e.household()))));
            } else if (event instanceof DemoPlan.SendApplication e) {
                CommandResult<SettlementApplication> r = command(() -> newer.applications().save(refugee(e.household()), e.form(), true));
                check(event, r);
                if (r.isSuccess()) {
                    applicationIds.put(e.household(), r.value().id());
                }
            } else if (event instanceof DemoPlan.HandleApplication e) {
                Long id = applicationIds.get(e.household());
                if (id == null) {
                    refused(event, "no application");
                } else {
                    check(event, command(() -> e.accept() ? newer.applications().accept(id, caseworker)
                            : newer.applications().refuse(id, caseworker, e.reason())));
                }
            } else if (event instanceof DemoPlan.PostMessage e) {
                post(e);
            } else if (event instanceof DemoPlan.RequestReconsideration e) {
                check(event, command(() -> newer.reconsiderations().request(caseId(e.household()), caseworker,
                        new ReconsiderationRequest(e.requesterKind(), e.requesterName(), e.ground(), e.explanation()))));
            } else if (event instanceof DemoPlan.InformAboutReconsideration e) {
                check(event, command(() -> newer.reconsiderations().informMunicipality(caseId(e.household()), caseworker, e.note())));
            } else if (event instanceof DemoPlan.DecideReconsideration e) {
                check(event, command(() -> e.grant()
                        ? newer.reconsiderations().grant(caseId(e.household()), administrator, e.reason(), e.alternative())
                        : newer.reconsiderations().refuse(caseId(e.household()), administrator, e.reason())));
            }
            return true;
        }

        /** The household a newer-module event is about; -1 for a general thread; null for the main flow's events. */
        private Integer newerHousehold(DemoPlan.Event event) {
            if (event instanceof DemoPlan.RegisterSelfSettlement e) {
                return e.household();
            } else if (event instanceof DemoPlan.StartSelfSettlementCheck e) {
                return e.household();
            } else if (event instanceof DemoPlan.ForwardSelfSettlement e) {
                return e.household();
            } else if (event instanceof DemoPlan.RefuseSelfSettlement e) {
                return e.household();
            } else if (event instanceof DemoPlan.ApproveSelfSettlement e) {
                return e.household();
            } else if (event instanceof DemoPlan.WithdrawSelfSettlement e) {
                return e.household();
            } else if (event instanceof DemoPlan.SelfSettlementDwellingLost e) {
                return e.household();
            } else if (event instanceof DemoPlan.OptInSelfSettlement e) {
                return e.household();
            } else if (event instanceof DemoPlan.MarkMunicipalityInitiated e) {
                return e.household();
            } else if (event instanceof DemoPlan.SendApplication e) {
                return e.household();
            } else if (event instanceof DemoPlan.HandleApplication e) {
                return e.household();
            } else if (event instanceof DemoPlan.PostMessage e) {
                return e.household() == null ? -1 : e.household();
            } else if (event instanceof DemoPlan.RequestReconsideration e) {
                return e.household();
            } else if (event instanceof DemoPlan.InformAboutReconsideration e) {
                return e.household();
            } else if (event instanceof DemoPlan.DecideReconsideration e) {
                return e.household();
            }
            return null;
        }

        private <T> void asb(DemoPlan.Event event, int household, LongFunction<CommandResult<T>> step) {
            Long id = asbRequestIds.get(household);
            if (id == null) {
                refused(event, "no self-settlement request");
                return;
            }
            check(event, command(() -> step.apply(id)));
        }

        private void post(DemoPlan.PostMessage e) {
            Actor actor = e.fromMunicipality() ? officer(e.municipalityNumber()) : caseworker;
            CommandResult<Long> r = command(() -> {
                Optional<ThreadRef> ref = e.household() == null ? newer.messages().municipalityThread(e.municipalityNumber(), actor)
                        : newer.messages().caseThread(caseId(e.household()), e.municipalityNumber(), actor);
                if (ref.isEmpty()) {
                    return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", e.municipalityNumber()));
                }
                if (e.contactName() != null) {
                    CommandResult<Void> contact = e.fromMunicipality()
                            ? newer.messages().setMunicipalityContact(ref.get(), actor, e.contactName(), e.contactPhone(),
                                    actor.username() + "@bosetting.test")
                            : newer.messages().takeAsAgencyContact(ref.get(), actor);
                    if (!contact.isSuccess()) {
                        throw new CommandFailedException(contact.failure());
                    }
                }
                return newer.messages().post(ref.get(), actor, e.body(), List.of());
            });
            check(e, r);
        }

        private DemoPlan.Person mainPerson(int household) {
            return plan.households().get(household).persons().get(0);
        }

        private Actor refugee(int household) {
            DemoPlan.Person p = mainPerson(household);
            return Actor.refugee(p.dufNumber(), p.givenName() + " " + p.familyName());
        }

        private Actor asbOfficer(int household) {
            return officer(asbMunicipality.get(household));
        }

        private void importPermit(DemoPlan.ImportPermit e) {
            DemoPlan.Household h = plan.households().get(e.household());
            ImportOutcome outcome = inTransaction(() -> permitImport.importPermit(request(h, true), caseworker));
            if (!outcome.ok() && outcome.problems().stream().allMatch(p -> p.field().endsWith("dNumber"))) {
                // A D-number already in the database (from other data) is not worth losing the household for.
                outcome = inTransaction(() -> permitImport.importPermit(request(h, false), caseworker));
            }
            if (outcome.ok()) {
                caseIds.put(e.household(), outcome.caseId());
            } else {
                lost(e, e.household(), outcome.problems().toString());
            }
        }

        private PermitImportRequest request(DemoPlan.Household h, boolean withDNumbers) {
            List<PermitImportRequest.PersonData> persons = h.persons().stream()
                    .map(p -> new PermitImportRequest.PersonData(p.dufNumber(), null, withDNumbers ? p.dNumber() : null,
                            p.givenName(), p.familyName(), p.birthDate(), p.sex(), p.citizenship(), p.relation(), null, null))
                    .toList();
            return new PermitImportRequest(h.permitReference(), h.permitType(), h.permitDate(), h.livingSituation(),
                    h.centre() == null ? null : centreIds.get(h.centre()), h.municipalityNumber(), persons);
        }

        private void sendList(DemoPlan.SendList e) {
            List<Integer> sendable = e.households().stream().filter(i -> !broken.contains(i) && caseIds.containsKey(i)).toList();
            if (sendable.isEmpty()) {
                return;
            }
            String note = "Fordelingsliste uke " + LocalDate.ofInstant(e.at(), clock.getZone()).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            CommandResult<Long> all = command(() -> proposals.sendList(caseworker, e.municipalityNumber(),
                    sendable.stream().map(caseIds::get).toList(), note));
            if (all.isSuccess()) {
                return;
            }
            // A list goes all or nothing; send the rest one by one so one bad household does not hold the others back.
            for (Integer i : sendable) {
                caseCheck(e, i, command(() -> proposals.sendList(caseworker, e.municipalityNumber(), List.of(caseIds.get(i)), note)));
            }
        }

        private void accept(DemoPlan.Accept e) {
            long caseId = caseId(e.household());
            Optional<ProposalRow> pending = pendingProposal(caseId, e.municipalityNumber());
            if (pending.isEmpty()) {
                lost(e, e.household(), "no pending proposal");
                return;
            }
            CommandResult<List<Long>> accepted = acceptProposal(pending.get(), caseId, e.plannedDate());
            if (accepted.isSuccess()) {
                return;
            }
            refused(e, describe(accepted.failure()));
            if (!(accepted.failure() instanceof CommandFailure.RuleBroken rule) || !"capacity".equals(rule.field())) {
                broken.add(e.household());
                return;
            }
            // The decided number was used up by data the plan did not know of: the municipality says so,
            // and the household goes to another municipality that still has room.
            CommandResult<CaseStatus> rejected = command(() -> proposals.reject(officer(e.municipalityNumber()),
                    pending.get().id(), RejectionReason.CAPACITY_USED, "Vedtaket for året er fylt opp."));
            if (!rejected.isSuccess() || !relocate(e, caseId)) {
                broken.add(e.household());
            }
        }

        private boolean relocate(DemoPlan.Accept e, long caseId) {
            DemoPlan.Household h = plan.households().get(e.household());
            List<PlacesUsed> withRoom = settlementDecisions.placesForYear(e.plannedDate().getYear()).stream()
                    .filter(p -> p.remaining() != null && p.remaining() >= h.size())
                    .filter(p -> !h.unaccompaniedMinor() || p.decidedMinors() != null && p.decidedMinors() > p.minorsUsed())
                    .filter(p -> !proposals.wasProposedTo(caseId, p.municipalityNumber()))
                    .sorted(Comparator.comparing(PlacesUsed::remaining).reversed().thenComparing(PlacesUsed::municipalityNumber))
                    .limit(3).toList();
            for (PlacesUsed alternative : withRoom) {
                String m = alternative.municipalityNumber();
                CommandResult<Long> sent = command(() -> proposals.sendList(caseworker, m, List.of(caseId), "Ny fordeling etter avslag"));
                if (!sent.isSuccess()) {
                    continue;
                }
                Optional<ProposalRow> pending = pendingProposal(caseId, m);
                if (pending.isPresent() && acceptProposal(pending.get(), caseId, e.plannedDate()).isSuccess()) {
                    return true;
                }
            }
            return false;
        }

        private CommandResult<List<Long>> acceptProposal(ProposalRow proposal, long caseId, LocalDate plannedDate) {
            Map<Long, LocalDate> planned = new HashMap<>();
            for (Long personId : caseQueries.personIds(caseId)) {
                planned.put(personId, plannedDate);
            }
            return command(() -> proposals.accept(officer(proposal.municipalityNumber()), proposal.id(), planned, null));
        }

        /** The demo documents how the person was informed on the day of the event, in the household's language. */
        private ConsequenceInformed informed(Instant at, int household, InformationChannel channel) {
            String language = DemoCatalogue.interpreterLanguage(mainPerson(household).citizenship());
            return new ConsequenceInformed(true, LocalDate.ofInstant(at, clock.getZone()), channel,
                    language.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + language.substring(1), "Tolk 4711");
        }

        private void register(DemoPlan.RegisterSettlement e) {
            List<SettlementDecision> open = settlementDecisions.forCase(caseId(e.household())).stream()
                    .filter(d -> d.status() == DecisionStatus.OFFERED).toList();
            if (open.isEmpty()) {
                lost(e, e.household(), "no open decision");
                return;
            }
            // All members in one transaction, so a household is never left half settled.
            caseCheck(e, e.household(), command(() -> {
                for (SettlementDecision d : open) {
                    CommandResult<SettlementDecision> r = settlementDecisions.registerSettlementDate(d.id(), e.date(), null,
                            officer(d.municipalityNumber()));
                    if (!r.isSuccess()) {
                        throw new CommandFailedException(r.failure());
                    }
                }
                return CommandResult.ok(open.size());
            }));
        }

        private Optional<ProposalRow> pendingProposal(long caseId, String municipalityNumber) {
            return proposals.forCase(caseId).stream()
                    .filter(p -> p.status() == ProposalStatus.PENDING && p.municipalityNumber().equals(municipalityNumber))
                    .findFirst();
        }

        private long caseId(int household) {
            Long id = caseIds.get(household);
            if (id == null) {
                throw new IllegalStateException("Household " + household + " was never imported");
            }
            return id;
        }

        private Optional<Actor> officerLogin(String municipalityNumber) {
            return logins.values().stream().filter(a -> a.isMunicipality(municipalityNumber))
                    .min(Comparator.comparing(Actor::username));
        }

        /** The demo login for the municipality, or a named officer without a login for the rest. */
        private Actor officer(String municipalityNumber) {
            return officerLogin(municipalityNumber).orElseGet(() -> new Actor("kommune-" + municipalityNumber,
                    municipalities.name(municipalityNumber) + " kommune", Role.MUNICIPALITY_OFFICER, municipalityNumber, null));
        }

        private Actor staff(int centre) {
            DemoPlan.Centre c = plan.centres().get(centre);
            if (c.staffUsername() != null) {
                return logins.get(c.staffUsername());
            }
            return new Actor("mottak-" + c.shortName(), c.name(), Role.RECEPTION_STAFF, null, centreIds.get(centre));
        }

        private void check(DemoPlan.Event event, CommandResult<?> result) {
            if (!result.isSuccess()) {
                refused(event, describe(result.failure()));
            }
        }

        private void caseCheck(DemoPlan.Event event, int household, CommandResult<?> result) {
            if (!result.isSuccess()) {
                lost(event, household, describe(result.failure()));
            }
        }

        private void lost(DemoPlan.Event event, int household, String why) {
            refused(event, why);
            broken.add(household);
        }

        private void refused(DemoPlan.Event event, String why) {
            failures++;
            failureCounts.merge(event.getClass().getSimpleName(), 1, Integer::sum);
            if (failures <= DETAILED_FAILURE_LOGS) {
                log.warn("Demo event refused ({}): {}", why, event);
            }
        }

        private Optional<Integer> householdOf(DemoPlan.Event event) {
            if (event instanceof DemoPlan.ImportPermit e) {
                return Optional.of(e.household());
            } else if (event instanceof DemoPlan.HoldInterview e) {
                return Optional.of(e.household());
            } else if (event instanceof DemoPlan.Accept e) {
                return Optional.of(e.household());
            } else if (event instanceof DemoPlan.Reject e) {
                return Optional.of(e.household());
            } else if (event instanceof DemoPlan.RegisterSettlement e) {
                return Optional.of(e.household());
            } else if (event instanceof DemoPlan.DeclineOffer e) {
                return Optional.of(e.household());
            } else if (event instanceof DemoPlan.CloseCase e) {
                return Optional.of(e.household());
            }
            return Optional.empty();
        }
    }

    private static String describe(CommandFailure failure) {
        return failure.getClass().getSimpleName() + " " + failure.messageKey() + " " + failure.args();
    }

    /**
     * Runs one command in its own transaction, as it would run on its own, but without waiting for
     * the commit to reach the disk: a demo year is some ten thousand commits, waiting for each would
     * dominate the start-up, and a crash in the middle of seeding leaves an incomplete demo either way.
     */
    private <T> CommandResult<T> command(Supplier<CommandResult<T>> command) {
        return CommandResult.attempt(() -> inTransaction(command));
    }

    private <T> T inTransaction(Supplier<T> body) {
        return tx.execute(status -> {
            jdbc.sql("set local synchronous_commit = off").update();
            return body.get();
        });
    }
}
