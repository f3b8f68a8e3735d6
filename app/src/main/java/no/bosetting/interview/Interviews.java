package no.bosetting.interview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseCommands;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseStatus;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.MappingScope;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the settlement interview. The first recording moves the case from under mapping to ready
 * for allocation; later corrections keep the status.
 */
@Service
public class Interviews {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final CaseCommands caseCommands;
    private final Municipalities municipalities;
    private final HealthConsents consents;
    private final PersonAccessLog accessLog;
    private final List<CrisisQuestionSet> crisisSets;

    public Interviews(JdbcClient jdbc, Clock clock, CaseQueries cases, CaseCommands caseCommands, Municipalities municipalities,
                      HealthConsents consents, PersonAccessLog accessLog, List<CrisisQuestionSet> crisisSets) {
        this.crisisSets = List.copyOf(crisisSets);
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.caseCommands = caseCommands;
        this.municipalities = municipalities;
        this.consents = consents;
        this.accessLog = accessLog;
    }

    /** The question set this case's interview uses: the recorded one, or the one in force today. */
    public QuestionSet questionSetFor(CaseSummary summary) {
        return find(summary.id()).map(SettlementInterview::questionSet)
                .orElseGet(() -> crisisSet(summary).orElseGet(() -> QuestionSet.inForce(summary.permitType(), LocalDate.now(clock))));
    }

    /**
     * While crisis mode is on, a household with collective protection is interviewed with the shortened set, as the set
     * was cut for collective protection on 4 April 2022 (issue 18 item 1; report 000 lines 685–700).
     */
    private java.util.Optional<QuestionSet> crisisSet(CaseSummary summary) {
        if (summary.permitType() != no.bosetting.cases.PermitType.COLLECTIVE_PROTECTION) {
            return java.util.Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return crisisSets.stream().map(s -> s.on(today)).flatMap(java.util.Optional::stream).findFirst();
    }

    public List<FieldProblem> validate(InterviewAnswers a, QuestionSet set, CaseSummary summary) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (a.heldOn() == null) {
            problems.add(FieldProblem.of("heldOn", "error.date.required"));
        } else if (a.heldOn().isAfter(today)) {
            problems.add(FieldProblem.of("heldOn", "error.date.future"));
        } else if (a.heldOn().isBefore(summary.permitDate().minusYears(1))) {
            problems.add(FieldProblem.of("heldOn", "error.interview.tooEarly"));
        }
        if (HealthContent.mentionsHealth(a.adaptationNeeds())) {
            problems.add(FieldProblem.of("adaptationNeeds", "error.needs.healthInPractical"));
        }
        if (!a.healthConsent() && a.healthDetails() != null && !a.healthDetails().isBlank()) {
            problems.add(FieldProblem.of("healthDetails", "error.health.noConsent"));
        }
        if (a.familyMunicipalityNumber() != null && !a.familyMunicipalityNumber().isBlank()
                && municipalities.find(a.familyMunicipalityNumber()).isEmpty()) {
            problems.add(FieldProblem.of("familyMunicipalityNumber", "error.municipality.unknown", a.familyMunicipalityNumber()));
        }
        if (summary.unaccompaniedMinor() && set.asks(Question.MINOR_SITUATION)
                && (a.minorSituation() == null || a.minorSituation().isBlank())) {
            problems.add(FieldProblem.of("minorSituation", "error.interview.minorSituation"));
        }
        if (set.asks(Question.DRIVING_LICENCE) && a.drivingLicence() == null) {
            problems.add(FieldProblem.of("drivingLicence", "error.interview.answerRequired"));
        }
        if (set.asks(Question.CAR) && a.hasCar() == null) {
            problems.add(FieldProblem.of("hasCar", "error.interview.answerRequired"));
        }
        for (String[] text : new String[][]{{"familyInNorway", a.familyInNorway()}, {"networkInNorway", a.networkInNorway()},
                {"adaptationNeeds", a.adaptationNeeds()}, {"healthDetails", a.healthDetails()}, {"pets", a.pets()},
                {"education", a.education()}, {"workExperience", a.workExperience()}, {"languages", a.languages()},
                {"minorSituation", a.minorSituation()}}) {
            if (text[1] != null && text[1].length() > 4000) {
                problems.add(FieldProblem.of(text[0], "error.text.tooLong", 4000));
            }
        }
        return problems;
    }

    /**
     * Records the interview with the household's consent as one answer: {@code healthConsent} true is every member's
     * consent, dated the interview day; false is nobody's (the API and older callers).
     */
    @Transactional
    public CommandResult<CaseStatus> record(long caseId, InterviewAnswers answers, Actor actor) {
        return record(caseId, answers, null, null, actor);
    }

    /**
     * Records the interview with each member's health consent: {@code consenting} are the members who have consented
     * (null: all members if {@code answers.healthConsent()}, else none), {@code consentDate} the day they consented
     * (null: the interview day). Health details are kept only while at least one member has consented; the details
     * should be about those members.
     */
    @Transactional
    public CommandResult<CaseStatus> record(long caseId, InterviewAnswers given, java.util.Set<Long> consenting,
                                            LocalDate consentDate, Actor actor) {
        List<Long> members = cases.personIds(caseId);
        java.util.Set<Long> who = consenting == null ? (given.healthConsent() ? new java.util.HashSet<>(members) : java.util.Set.of())
                : consenting.stream().filter(members::contains).collect(java.util.stream.Collectors.toSet());
        InterviewAnswers answers = withConsent(given, !who.isEmpty());
        Optional<CaseSummary> found = cases.summary(caseId, actor).or(() -> cases.mappedByMunicipality(caseId, actor));
        if (found.isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.case.notFound", caseId));
        }
        // Municipality officers only for private residents living in their municipality (MappingScope, report 000 around 3651–3667).
        if (actor.role() != Role.RECEPTION_STAFF && actor.role() != Role.AGENCY_CASEWORKER
                && !(actor.role() == Role.MUNICIPALITY_OFFICER && MappingScope.sees(actor, found.get()))) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        CaseSummary summary = found.get();
        if (summary.status() == CaseStatus.AWAITING_APPLICATION) {
            // Not mapped before the application is accepted (report 000 around lines 3074–3080).
            return CommandResult.fail(CommandFailure.WrongState.of(summary.status().name(), "error.interview.awaitingApplication"));
        }
        if (!summary.status().isOpen() || summary.status() == CaseStatus.OFFERED) {
            return CommandResult.fail(CommandFailure.WrongState.of(summary.status().name(), "error.interview.closedCase"));
        }
        QuestionSet set = questionSetFor(summary);
        List<FieldProblem> problems = validate(answers, set, summary);
        if (!problems.isEmpty()) {
            FieldProblem first = problems.get(0);
            return CommandResult.fail(new CommandFailure.RuleBroken(first.field(), first.messageKey(), first.args()));
        }
        LocalDate consentOn = consentDate != null ? consentDate : answers.heldOn();
        if (!who.isEmpty() && consentOn.isAfter(LocalDate.now(clock))) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("consentDate", "error.date.future"));
        }
        InterviewAnswers a = onlyAsked(answers, set);
        consents.record(caseId, members, a.healthConsent() ? who : java.util.Set.of(), consentOn, actor);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into settlement_interview (case_id, question_set_version, held_on, interpreter_language, family_in_norway,
                    family_municipality_number, network_in_norway, adaptation_needs, health_consent, health_details, pets,
                    education, work_experience, driving_licence, has_car, languages, minor_situation,
                    created_at, created_by, updated_at, updated_by)
                values (:case, :qs, :held, :interp, :family, :familyM, :network, :adapt, :consent, :health, :pets,
                    :edu, :work, :licence, :car, :lang, :minor, :now, :by, :now, :by)
                on conflict (case_id) do update set held_on = excluded.held_on,
                    interpreter_language = excluded.interpreter_language, family_in_norway = excluded.family_in_norway,
                    family_municipality_number = excluded.family_municipality_number,
                    network_in_norway = excluded.network_in_norway, adaptation_needs = excluded.adaptation_needs,
                    health_consent = excluded.health_consent, health_details = excluded.health_details, pets = excluded.pets,
                    education = excluded.education, work_experience = excluded.work_experience,
                    driving_licence = excluded.driving_licence, has_car = excluded.has_car, languages = excluded.languages,
                    minor_situation = excluded.minor_situation, needs_to_sort = null, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """)
                .param("case", caseId).param("qs", set.version()).param("held", a.heldOn())
                .param("interp", blank(a.interpreterLanguage())).param("family", blank(a.familyInNorway()))
                .param("familyM", blank(a.familyMunicipalityNumber())).param("network", blank(a.networkInNorway()))
                .param("adapt", blank(a.adaptationNeeds())).param("consent", a.healthConsent())
                .param("health", a.healthConsent() ? blank(a.healthDetails()) : null).param("pets", blank(a.pets()))
                .param("edu", blank(a.education())).param("work", blank(a.workExperience()))
                .param("licence", a.drivingLicence()).param("car", a.hasCar()).param("lang", blank(a.languages()))
                .param("minor", blank(a.minorSituation())).param("now", now).param("by", actor.username())
                .update();
        if (summary.status() == CaseStatus.UNDER_MAPPING) {
            CommandResult<CaseStatus> moved = caseCommands.recordInterview(caseId, actor);
            if (!moved.isSuccess()) {
                throw new CommandFailedException(moved.failure());
            }
            return moved;
        }
        caseCommands.note(caseId, actor, "CORRECT_INTERVIEW", "Bosettingssamtalen er oppdatert");
        return CommandResult.ok(summary.status());
    }

    public Optional<SettlementInterview> find(long caseId) {
        // Read once per page: the interview page asked twice (the form and its question set; issue 22 item 2).
        return no.bosetting.shared.RequestMemo.onceOptional("settlement-interview:" + caseId, () ->
                jdbc.sql("select * from settlement_interview where case_id = :c").param("c", caseId)
                        .query((rs, n) -> map(rs)).optional());
    }

    /**
     * For a municipality looking at a proposal: no family or network details; health only with consent (report 004
     * line 42: the anonymised overview includes health); practical needs always, unless the text names health
     * information and nobody consented (text recorded before needs were split), then it is withheld.
     */
    public InterviewProfile profile(long caseId) {
        return find(caseId).map(i -> {
            InterviewAnswers a = i.answers();
            String practical = !a.healthConsent() && HealthContent.mentionsHealth(a.adaptationNeeds()) ? null : a.adaptationNeeds();
            return new InterviewProfile(true, practical, a.healthConsent() ? a.healthDetails() : null, a.pets(),
                    a.education(), a.workExperience(), a.drivingLicence(), a.hasCar(), a.languages());
        }).orElse(InterviewProfile.none());
    }

    /** {@link #profile(long)} read by {@code actor}: when it carries health details, the read is in the access log. */
    public InterviewProfile profile(long caseId, Actor actor, String purpose) {
        InterviewProfile profile = profile(caseId);
        if (profile.healthDetails() != null) {
            recordHealthRead(caseId, actor, purpose);
        }
        return profile;
    }

    /** A read of the household's health details: logged for each member whose consent covers them. */
    public void recordHealthRead(long caseId, Actor actor, String purpose) {
        accessLog.recordRead(actor, consents.consenting(caseId), "health:" + purpose);
    }

    /** Free text recorded before needs were split that may hold health information without consent (migration V38). */
    public Optional<String> needsToSort(long caseId) {
        return jdbc.sql("select needs_to_sort from settlement_interview where case_id = :c and needs_to_sort is not null")
                .param("c", caseId).query(String.class).optional();
    }

    /** Recorded answers for many cases at once (the allocation engine reads a whole round). */
    public java.util.Map<Long, InterviewAnswers> answersFor(java.util.Collection<Long> caseIds) {
        java.util.Map<Long, InterviewAnswers> result = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select * from settlement_interview where case_id in (:ids)").param("ids", caseIds)
                .query((rs, n) -> map(rs)).list()
                .forEach(i -> result.put(i.caseId(), i.answers()));
        return result;
    }

    private static InterviewAnswers withConsent(InterviewAnswers a, boolean consent) {
        return new InterviewAnswers(a.heldOn(), a.interpreterLanguage(), a.familyInNorway(), a.familyMunicipalityNumber(),
                a.networkInNorway(), a.adaptationNeeds(), consent, a.healthDetails(), a.pets(), a.education(),
                a.workExperience(), a.drivingLicence(), a.hasCar(), a.languages(), a.minorSituation());
    }

    private static InterviewAnswers onlyAsked(InterviewAnswers a, QuestionSet s) {
        boolean health = s.asks(Question.ADAPTATION_AND_HEALTH);
        return new InterviewAnswers(a.heldOn(), a.interpreterLanguage(),
                s.asks(Question.FAMILY_IN_NORWAY) ? a.familyInNorway() : null,
                s.asks(Question.FAMILY_IN_NORWAY) ? a.familyMunicipalityNumber() : null,
                s.asks(Question.NETWORK_IN_NORWAY) ? a.networkInNorway() : null,
                health ? a.adaptationNeeds() : null, health && a.healthConsent(), health ? a.healthDetails() : null,
                s.asks(Question.PETS) ? a.pets() : null, s.asks(Question.EDUCATION) ? a.education() : null,
                s.asks(Question.WORK_EXPERIENCE) ? a.workExperience() : null,
                s.asks(Question.DRIVING_LICENCE) ? a.drivingLicence() : null, s.asks(Question.CAR) ? a.hasCar() : null,
                s.asks(Question.LANGUAGES) ? a.languages() : null, s.asks(Question.MINOR_SITUATION) ? a.minorSituation() : null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static SettlementInterview map(ResultSet rs) throws SQLException {
        InterviewAnswers a = new InterviewAnswers(rs.getObject("held_on", LocalDate.class), rs.getString("interpreter_language"),
                rs.getString("family_in_norway"), rs.getString("family_municipality_number"), rs.getString("network_in_norway"),
                rs.getString("adaptation_needs"), rs.getBoolean("health_consent"), rs.getString("health_details"),
                rs.getString("pets"), rs.getString("education"), rs.getString("work_experience"),
                (Boolean) rs.getObject("driving_licence"), (Boolean) rs.getObject("has_car"), rs.getString("languages"),
                rs.getString("minor_situation"));
        return new SettlementInterview(rs.getLong("case_id"), QuestionSet.byVersion(rs.getString("question_set_version")), a,
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
    }
}
