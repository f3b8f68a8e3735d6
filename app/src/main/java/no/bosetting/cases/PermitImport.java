package no.bosetting.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.ContactDetails;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.Identifiers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a settlement case from a residence permit. Validates every field with a specific
 * problem, and is idempotent on the permit reference.
 */
@Service
public class PermitImport {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Municipalities municipalities;
    private final ReceptionCentres centres;
    private final AccompanyingAdults accompanyingAdults;
    private final IdentityNumbers identities;
    private final HouseholdChanges householdChanges;
    private final LivingSituations livingSituations;
    private final ApplicationEventPublisher events;
    private final no.bosetting.shared.Words words;

    public PermitImport(JdbcClient jdbc, Clock clock, Municipalities municipalities, ReceptionCentres centres,
                        AccompanyingAdults accompanyingAdults, IdentityNumbers identities, HouseholdChanges householdChanges,
                        LivingSituations livingSituations, ApplicationEventPublisher events,
                        no.bosetting.shared.Words words) {
        this.words = words;
        this.accompanyingAdults = accompanyingAdults;
        this.identities = identities;
        this.householdChanges = householdChanges;
        this.livingSituations = livingSituations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.municipalities = municipalities;
        this.centres = centres;
        this.events = events;
    }

    @Transactional
    public ImportOutcome importPermit(PermitImportRequest request, Actor actor) {
        if (!actor.isAgency()) {
            return ImportOutcome.invalid(List.of(FieldProblem.of("", "error.role.notAllowed")));
        }
        Optional<ImportOutcome> existing = existing(request.permitReference());
        if (existing.isPresent()) {
            // A row for a permit already imported tells where the household lives now: a change is recorded from today
            // in the living-situation history (issue 20 item 3); the household's facts are otherwise left as they are.
            if (request.livingSituation() != null) {
                livingSituations.recordFromImport(existing.get().caseId(), actor, request.livingSituation(),
                        request.receptionCentreId(), request.municipalityNumber());
            }
            return existing.get();
        }
        List<FieldProblem> problems = validate(request);
        if (!problems.isEmpty()) {
            return ImportOutcome.invalid(problems);
        }
        try {
            return insert(request, actor);
        } catch (DuplicateKeyException e) {
            // A concurrent import of the same permit won the race; the case exists now.
            return existing(request.permitReference()).orElseThrow(() -> e);
        }
    }

    /**
     * A UDI permit for a new member of an existing household (family reunification): attaches the person to the case
     * with {@code caseReference} by {@link HouseholdChanges#addMember}, with its history, places and notice. Sending
     * the same DUF number to the same case again changes nothing. Returns {case id, person id, 1 when added else 0}.
     */
    @Transactional
    public no.bosetting.shared.CommandResult<long[]> importMember(String caseReference, HouseholdChanges.NewMember member,
                                                                  Actor actor) {
        if (!CaseCommand.ADD_MEMBER.allowedFor(actor.role())) {
            return no.bosetting.shared.CommandResult.fail(no.bosetting.shared.CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        Optional<Long> caseId = caseReference == null ? Optional.empty()
                : jdbc.sql("select id from settlement_case where reference = :r").param("r", caseReference.trim())
                .query(Long.class).optional();
        if (caseId.isEmpty()) {
            return no.bosetting.shared.CommandResult.fail(no.bosetting.shared.CommandFailure.RuleBroken.of("caseReference",
                    "error.case.referenceUnknown", caseReference == null ? "" : caseReference));
        }
        Optional<Long> already = member.dufNumber() == null ? Optional.empty()
                : jdbc.sql("select id from person where case_id = :c and duf_number = :d and removed_on is null")
                .param("c", caseId.get()).param("d", member.dufNumber().replace(" ", "").trim()).query(Long.class).optional();
        if (already.isPresent()) {
            return no.bosetting.shared.CommandResult.ok(new long[]{caseId.get(), already.get(), 0});
        }
        return householdChanges.addMember(caseId.get(), member, actor).map(id -> new long[]{caseId.get(), id, 1});
    }

    private Optional<ImportOutcome> existing(String permitReference) {
        if (permitReference == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id, reference from settlement_case where permit_reference = :r")
                .param("r", permitReference.trim())
                .query((rs, n) -> ImportOutcome.unchanged(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    List<FieldProblem> validate(PermitImportRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (r.permitReference() == null || r.permitReference().isBlank()) {
            problems.add(FieldProblem.of("permitReference", "error.permitReference.required"));
        } else if (r.permitReference().length() > 64) {
            problems.add(FieldProblem.of("permitReference", "error.permitReference.length"));
        }
        if (r.permitType() == null) {
            problems.add(FieldProblem.of("permitType", "error.permitType.required"));
        }
        if (r.permitDate() == null) {
            problems.add(FieldProblem.of("permitDate", "error.permitDate.required"));
        } else if (r.permitDate().isAfter(today)) {
            problems.add(FieldProblem.of("permitDate", "error.date.future"));
        }
        if (r.livingSituation() == null) {
            problems.add(FieldProblem.of("livingSituation", "error.livingSituation.required"));
        } else if (r.livingSituation() == LivingSituation.SELF_ESTABLISHED || r.livingSituation() == LivingSituation.SETTLED_IN_MUNICIPALITY) {
            problems.add(FieldProblem.of("livingSituation", "error.livingSituation.notAtPermit"));
        } else if (r.livingSituation() == LivingSituation.RECEPTION_CENTRE || r.livingSituation() == LivingSituation.EMERGENCY_ACCOMMODATION) {
            if (r.receptionCentreId() == null) {
                problems.add(FieldProblem.of("receptionCentreId", "error.receptionCentre.required"));
            } else if (centres.find(r.receptionCentreId()).isEmpty()) {
                problems.add(FieldProblem.of("receptionCentreId", "error.receptionCentre.unknown", r.receptionCentreId()));
            }
        } else if (r.municipalityNumber() == null || r.municipalityNumber().isBlank()) {
            problems.add(FieldProblem.of("municipalityNumber", "error.municipality.required"));
        }
        // MAMOT only inside the scheme's window (issue 20 item 3; ResidencePeriods): the period runs from the permit until now.
        if (r.livingSituation() == LivingSituation.MAMOT && r.permitDate() != null && !r.permitDate().isAfter(today)
                && !ResidencePeriods.insideMamotWindow(new ResidencePeriods.Period(LivingSituation.MAMOT, null, null, r.permitDate(), null), today)) {
            problems.add(FieldProblem.of("livingSituation", "error.residence.mamotWindow",
                    ResidencePeriods.MAMOT_FIRST.format(ConsequenceInformed.NORWEGIAN_DATE), ResidencePeriods.MAMOT_LAST.format(ConsequenceInformed.NORWEGIAN_DATE)));
        }
        // A configured temporary scheme (crisis mode, issue 18 item 1) only inside its window, like MAMOT.
        if (r.livingSituation() == LivingSituation.TEMPORARY_SCHEME && r.permitDate() != null && !r.permitDate().isAfter(today)
                && !livingSituations.schemeCovers(r.permitDate(), today)) {
            problems.add(FieldProblem.of("livingSituation", "error.residence.schemeWindow"));
        }
        if (r.municipalityNumber() != null && !r.municipalityNumber().isBlank() && municipalities.find(r.municipalityNumber()).isEmpty()) {
            problems.add(FieldProblem.of("municipalityNumber", "error.municipality.unknown", r.municipalityNumber()));
        }
        if (r.persons() == null || r.persons().isEmpty()) {
            problems.add(FieldProblem.of("persons", "error.persons.required"));
            return problems;
        }
        if (r.persons().size() > 20) {
            problems.add(FieldProblem.of("persons", "error.persons.tooMany"));
        }
        long mains = r.persons().stream().filter(p -> p.relation() == Relation.MAIN).count();
        if (mains != 1) {
            problems.add(FieldProblem.of("persons", "error.persons.oneMain"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.persons().size(); i++) {
            validatePerson(r.persons().get(i), "persons[" + i + "].", seen, today, problems);
        }
        validateAccompanying(r, today, problems);
        return problems;
    }

    /**
     * A row marked ACCOMPANYING_ADULT is the adult who came with an unaccompanied minor (følgeperson, report 000 lines
     * 4082-4094): one adult at most, and only with a household of minors, who stay unaccompanied minors.
     */
    private static void validateAccompanying(PermitImportRequest r, LocalDate today, List<FieldProblem> problems) {
        List<PermitImportRequest.PersonData> persons = r.persons();
        boolean membersAllMinors = persons.stream().filter(p -> !accompanying(p))
                .allMatch(p -> p.birthDate() != null && Period.between(p.birthDate(), today).getYears() < 18);
        int seen = 0;
        for (int i = 0; i < persons.size(); i++) {
            PermitImportRequest.PersonData p = persons.get(i);
            if (!accompanying(p)) {
                continue;
            }
            String prefix = "persons[" + i + "].";
            if (++seen > 1) {
                problems.add(FieldProblem.of(prefix + "relation", "error.accompanying.onlyOne"));
            } else if (!membersAllMinors) {
                problems.add(FieldProblem.of(prefix + "relation", "error.accompanying.onlyForMinors"));
            }
            if (p.birthDate() != null && !p.birthDate().isAfter(today) && Period.between(p.birthDate(), today).getYears() < 18) {
                problems.add(FieldProblem.of(prefix + "birthDate", "error.accompanying.notAdult"));
            }
        }
    }

    private static boolean accompanying(PermitImportRequest.PersonData p) {
        return p.relation() == Relation.ACCOMPANYING_ADULT;
    }

    private void validatePerson(PermitImportRequest.PersonData p, String prefix, Set<String> seen, LocalDate today,
                                List<FieldProblem> problems) {
        Identifiers.dufNumberError(p.dufNumber()).ifPresentOrElse(
                key -> problems.add(FieldProblem.of(prefix + "dufNumber", key, String.valueOf(p.dufNumber()))),
                () -> {
                    if (!seen.add(p.dufNumber())) {
                        problems.add(FieldProblem.of(prefix + "dufNumber", "error.duf.duplicate", p.dufNumber()));
                    } else if (!accompanying(p) && exists("duf_number", p.dufNumber())) {
                        problems.add(FieldProblem.of(prefix + "dufNumber", "error.duf.exists", p.dufNumber()));
                    }
                });
        if (p.nationalId() != null && !p.nationalId().isBlank()) {
            Identifiers.elevenDigitError(p.nationalId()).ifPresentOrElse(
                    key -> problems.add(FieldProblem.of(prefix + "nationalId", key, p.nationalId())),
                    () -> {
                        if (Identifiers.isDNumber(p.nationalId())) {
                            problems.add(FieldProblem.of(prefix + "nationalId", "error.nin.isDNumber", p.nationalId()));
                        } else if (exists("national_id", p.nationalId())) {
                            problems.add(FieldProblem.of(prefix + "nationalId", "error.nin.exists", p.nationalId()));
                        }
                    });
        }
        if (p.dNumber() != null && !p.dNumber().isBlank()) {
            Identifiers.elevenDigitError(p.dNumber()).ifPresentOrElse(
                    key -> problems.add(FieldProblem.of(prefix + "dNumber", key, p.dNumber())),
                    () -> {
                        if (!Identifiers.isDNumber(p.dNumber())) {
                            problems.add(FieldProblem.of(prefix + "dNumber", "error.dnumber.notDNumber", p.dNumber()));
                        } else if (exists("d_number", p.dNumber())) {
                            problems.add(FieldProblem.of(prefix + "dNumber", "error.nin.exists", p.dNumber()));
                        }
                    });
        }
        if (p.givenName() == null || p.givenName().isBlank()) {
            problems.add(FieldProblem.of(prefix + "givenName", "error.givenName.required"));
        }
        if (p.familyName() == null || p.familyName().isBlank()) {
            problems.add(FieldProblem.of(prefix + "familyName", "error.familyName.required"));
        }
        if (p.birthDate() == null) {
            problems.add(FieldProblem.of(prefix + "birthDate", "error.birthDate.required"));
        } else if (p.birthDate().isAfter(today) || p.birthDate().isBefore(today.minusYears(120))) {
            problems.add(FieldProblem.of(prefix + "birthDate", "error.birthDate.range"));
        }
        if (p.sex() == null || !Set.of("F", "M", "X").contains(p.sex())) {
            problems.add(FieldProblem.of(prefix + "sex", "error.sex.invalid"));
        }
        if (p.citizenship() == null || !p.citizenship().matches("[A-Z]{3}")) {
            problems.add(FieldProblem.of(prefix + "citizenship", "error.citizenship.invalid"));
        }
        if (p.relation() == null) {
            problems.add(FieldProblem.of(prefix + "relation", "error.relation.required"));
        }
        ContactDetails.phoneError(p.phone()).ifPresent(key -> problems.add(FieldProblem.of(prefix + "phone", key, p.phone())));
        ContactDetails.emailError(p.email()).ifPresent(key -> problems.add(FieldProblem.of(prefix + "email", key, p.email())));
    }

    private boolean exists(String column, String value) {
        // Also a number someone has had (the identity history): a number belongs to one person only, ever.
        return jdbc.sql("select count(*) from person where " + column + " = :v").param("v", value).query(Long.class).single() > 0
                || identities.taken(value.trim());
    }

    private ImportOutcome insert(PermitImportRequest r, Actor actor) {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // The accompanying adult is a relation of the case, not a member of the household.
        List<PermitImportRequest.PersonData> household = r.persons().stream().filter(p -> !accompanying(p)).toList();
        List<HouseholdType.Member> members = household.stream()
                .map(p -> new HouseholdType.Member(Period.between(p.birthDate(), today).getYears() >= 18, p.sex().charAt(0)))
                .toList();
        HouseholdType type = HouseholdType.of(members);
        int children = (int) members.stream().filter(m -> !m.adult()).count();
        long id = jdbc.sql("select nextval('settlement_case_id_seq')").query(Long.class).single();
        String reference = "BS-" + r.permitDate().getYear() + "-" + String.format("%06d", id);
        Long centreId = r.livingSituation() == LivingSituation.RECEPTION_CENTRE
                || r.livingSituation() == LivingSituation.EMERGENCY_ACCOMMODATION ? r.receptionCentreId() : null;
        // A household living privately is in the target group only by applying within six months; it is mapped once the
        // agency accepts the application (report 000 around lines 3074–3080 and 3139–3167). Everyone else goes to mapping.
        CaseStatus initial = r.livingSituation() == LivingSituation.PRIVATE ? CaseStatus.AWAITING_APPLICATION : CaseStatus.UNDER_MAPPING;
        String livingMunicipality = centreId != null
                ? centres.find(centreId).map(ReceptionCentre::municipalityNumber).orElse(null)
                : r.municipalityNumber();
        jdbc.sql("""
                insert into settlement_case (id, reference, permit_reference, permit_type, permit_date, status, household_type,
                    persons, children, unaccompanied_minor, living_situation, reception_centre_id, living_municipality_number,
                    status_changed_at, created_at, created_by, updated_at, updated_by)
                values (:id, :ref, :pref, :ptype, :pdate, :status, :ht, :persons, :children, :um, :ls, :rc, :lm,
                    :now, :now, :by, :now, :by)
                """)
                .param("id", id).param("ref", reference).param("pref", r.permitReference().trim())
                .param("ptype", r.permitType().name()).param("pdate", r.permitDate()).param("status", initial.name()).param("ht", type.name())
                .param("persons", household.size()).param("children", children)
                .param("um", type == HouseholdType.UNACCOMPANIED_MINOR).param("ls", r.livingSituation().name())
                .param("rc", centreId).param("lm", livingMunicipality).param("now", now).param("by", actor.username())
                .update();
        for (PermitImportRequest.PersonData p : household) {
            long personId = jdbc.sql("""
                    insert into person (case_id, duf_number, national_id, d_number, given_name, family_name, birth_date, sex,
                        citizenship, relation, phone, email, created_at, created_by, updated_at, updated_by)
                    values (:case, :duf, :nin, :dnr, :given, :family, :birth, :sex, :cit, :rel, :phone, :email, :now, :by, :now, :by)
                    returning id
                    """)
                    .param("case", id).param("duf", p.dufNumber()).param("nin", blankToNull(p.nationalId()))
                    .param("dnr", blankToNull(p.dNumber())).param("given", p.givenName().trim())
                    .param("family", p.familyName().trim()).param("birth", p.birthDate()).param("sex", p.sex())
                    .param("cit", p.citizenship()).param("rel", p.relation().name()).param("phone", blankToNull(p.phone()))
                    .param("email", blankToNull(p.email())).param("now", now).param("by", actor.username())
                    .query(Long.class).single();
            identities.recordInitial(personId, p.dufNumber().trim(), blankToNull(p.dNumber()), blankToNull(p.nationalId()),
                    today, actor);
            jdbc.sql("""
                    insert into residence_permit (person_id, permit_type, granted_date, created_at, created_by)
                    values (:p, :t, :d, :now, :by)
                    """)
                    .param("p", personId).param("t", r.permitType().name()).param("d", r.permitDate())
                    .param("now", now).param("by", actor.username()).update();
            jdbc.sql("""
                    insert into residence_history (person_id, kind, reception_centre_id, municipality_number, from_date, created_at, created_by)
                    values (:p, :k, :rc, :m, :d, :now, :by)
                    """)
                    .param("p", personId).param("k", r.livingSituation().name()).param("rc", centreId)
                    .param("m", livingMunicipality).param("d", r.permitDate()).param("now", now).param("by", actor.username())
                    .update();
        }
        CaseCommands.CASE_HISTORY.append(jdbc, clock, id, actor, "IMPORT_PERMIT", null, initial,
                "Oppholdstillatelse " + r.permitReference().trim() + " (" + words.nb("permit.", r.permitType()) + ")"
                        + (initial == CaseStatus.AWAITING_APPLICATION ? ". Bor privat: venter på søknad om bosetting" : ""));
        r.persons().stream().filter(PermitImport::accompanying).findFirst()
                .ifPresent(adult -> accompanyingAdults.recordFromPermit(id, adult, actor));
        events.publishEvent(new PermitRegistered(id, initial == CaseStatus.AWAITING_APPLICATION, actor));
        return ImportOutcome.created(id, reference);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
