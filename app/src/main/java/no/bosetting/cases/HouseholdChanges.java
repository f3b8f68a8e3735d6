package no.bosetting.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members joining and leaving a household, and a household split into two cases (issue 20 item 1), by the agency
 * caseworker — and a member joining by a UDI permit of their own ({@link PermitImport#importMember}). Each change is
 * appended to the case history with who, when, why and before → after; the household type and settlement target
 * are recomputed ({@link HouseholdFacts}). After an acceptance a joining member takes a place in the settlement
 * municipality under the same lock as an acceptance (refused when the decided number is used up, unless the agency
 * overrides with a reason) and a leaving member releases it ({@link HouseholdPlaces}); the municipality the case is
 * proposed to or accepted by is told in the case thread.
 */
@Service
public class HouseholdChanges {

    /** The open states up to the offer: members join or leave and facts are corrected (settled and closed cases take no command). */
    static final Set<CaseStatus> MEMBER_STATES = EnumSet.of(CaseStatus.AWAITING_APPLICATION, CaseStatus.UNDER_MAPPING,
            CaseStatus.READY_FOR_ALLOCATION, CaseStatus.PROPOSED, CaseStatus.OFFERED, CaseStatus.TEMPORARILY_ABSENT);
    /**
     * Where facts may still change after settlement: a member reunified with (or born into) a settled household joins it,
     * and names, identity numbers and the address are corrected; a member leaving a settled household is a secondary move.
     */
    static final Set<CaseStatus> SETTLED_TOO = EnumSet.of(CaseStatus.AWAITING_APPLICATION, CaseStatus.UNDER_MAPPING,
            CaseStatus.READY_FOR_ALLOCATION, CaseStatus.PROPOSED, CaseStatus.OFFERED, CaseStatus.TEMPORARILY_ABSENT,
            CaseStatus.SETTLED);

    private final JdbcClient jdbc;
    private final ChangeSupport support;
    private final HouseholdFacts facts;
    private final IdentityNumbers identities;
    private final HouseholdPlaces places;

    HouseholdChanges(JdbcClient jdbc, ChangeSupport support, HouseholdFacts facts, IdentityNumbers identities,
                     HouseholdPlaces places) {
        this.jdbc = jdbc;
        this.support = support;
        this.facts = facts;
        this.identities = identities;
        this.places = places;
    }

    /**
     * A new member. Family reunification comes with the member's own permit (type, date, reference); the DUF number
     * is required, a D-number or national identity number is optional (mod-11 checked, never anyone else's).
     */
    public record NewMember(JoinReason reason, String givenName, String familyName, LocalDate birthDate, String sex,
                            String citizenship, Relation relation, String dufNumber, String dNumber, String nationalId,
                            PermitType permitType, LocalDate permitDate, String permitReference, String note,
                            String overrideReason) {

        /** The member as a held command's input by name (two-step control); {@link #fromInput} reads it back. */
        public java.util.Map<String, String> input() {
            java.util.Map<String, String> in = new java.util.LinkedHashMap<>();
            in.put("command", CaseCommand.ADD_MEMBER.name());
            in.put("joinReason", name(reason));
            in.put("givenName", givenName);
            in.put("familyName", familyName);
            in.put("birthDate", birthDate == null ? null : birthDate.toString());
            in.put("sex", sex);
            in.put("citizenship", citizenship);
            in.put("relation", name(relation));
            in.put("dufNumber", dufNumber);
            in.put("dNumber", dNumber);
            in.put("nationalId", nationalId);
            in.put("permitType", name(permitType));
            in.put("permitDate", permitDate == null ? null : permitDate.toString());
            in.put("permitReference", permitReference);
            in.put("note", note);
            in.put("overrideReason", overrideReason);
            return in;
        }

        public static NewMember fromInput(java.util.Map<String, String> in) {
            return new NewMember(value(in, "joinReason", JoinReason::valueOf), in.get("givenName"), in.get("familyName"),
                    value(in, "birthDate", LocalDate::parse), in.get("sex"), in.get("citizenship"),
                    value(in, "relation", Relation::valueOf), in.get("dufNumber"), in.get("dNumber"), in.get("nationalId"),
                    value(in, "permitType", PermitType::valueOf), value(in, "permitDate", LocalDate::parse),
                    in.get("permitReference"), in.get("note"), in.get("overrideReason"));
        }
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static <T> T value(java.util.Map<String, String> in, String key, java.util.function.Function<String, T> parse) {
        String v = in.get(key);
        return v == null || v.isBlank() ? null : parse.apply(v);
    }

    /**
     * Whether adding this member is the agency's place-rule override (two-step control): an override reason is given
     * and the member would take a place — after the acceptance, as {@link #addMember} does — beyond the decided number,
     * as the place rule answers ({@link HouseholdPlaces#memberJoinBeyondPlaces}). Otherwise the change runs as always.
     */
    @Transactional(readOnly = true)
    public boolean overridesPlaces(long caseId, NewMember m, Actor actor) {
        if (ChangeSupport.blankToNull(m.overrideReason()) == null || !actor.isAgency()) {
            return false;
        }
        // The decisions say whether the member takes a place at all (offered, or settled and reunified): no status here.
        return places.memberJoinBeyondPlaces(caseId, m.reason() == JoinReason.FAMILY_REUNIFICATION);
    }

    /** The first problem with the new member's fields, each on its field; empty when all are right. */
    List<FieldProblem> problems(NewMember m, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (m.reason() == null) {
            problems.add(FieldProblem.of("joinReason", "error.member.reasonRequired"));
        }
        PersonRules.name(m.givenName(), "givenName", "error.givenName.required").ifPresent(problems::add);
        PersonRules.name(m.familyName(), "familyName", "error.familyName.required").ifPresent(problems::add);
        PersonRules.birthDate(m.birthDate(), today).ifPresent(problems::add);
        PersonRules.sex(m.sex()).ifPresent(problems::add);
        if (m.citizenship() == null || !m.citizenship().trim().matches("[A-Z]{3}")) {
            problems.add(FieldProblem.of("citizenship", "error.citizenship.invalid"));
        }
        if (m.relation() == null) {
            problems.add(FieldProblem.of("relation", "error.relation.required"));
        } else if (m.relation() == Relation.MAIN) {
            problems.add(FieldProblem.of("relation", "error.relation.main"));
        }
        Set<String> typed = new LinkedHashSet<>();
        numberProblem(IdentityKind.DUF, m.dufNumber(), "dufNumber", typed).ifPresent(problems::add);
        if (ChangeSupport.blankToNull(m.dNumber()) != null) {
            numberProblem(IdentityKind.D_NUMBER, m.dNumber(), "dNumber", typed).ifPresent(problems::add);
        }
        if (ChangeSupport.blankToNull(m.nationalId()) != null) {
            numberProblem(IdentityKind.NATIONAL_ID, m.nationalId(), "nationalId", typed).ifPresent(problems::add);
        }
        if (m.reason() == JoinReason.FAMILY_REUNIFICATION) {
            if (m.permitType() == null) {
                problems.add(FieldProblem.of("permitType", "error.permitType.required"));
            }
            if (m.permitDate() == null) {
                problems.add(FieldProblem.of("permitDate", "error.permitDate.required"));
            } else if (m.permitDate().isAfter(today)) {
                problems.add(FieldProblem.of("permitDate", "error.date.future"));
            }
        }
        return problems;
    }

    private Optional<FieldProblem> numberProblem(IdentityKind kind, String value, String field, Set<String> typed) {
        String v = IdentityKind.normalise(value);
        if (v != null && !v.isEmpty() && !typed.add(v)) {
            return Optional.of(FieldProblem.of(field, "error.identity.duplicate", v));
        }
        return identities.problem(kind, v, field).map(f -> {
            CommandFailure.RuleBroken r = (CommandFailure.RuleBroken) f;
            return FieldProblem.of(r.field(), r.messageKey(), r.args().toArray());
        });
    }

    /** Adds a member (birth, family reunification with its permit, joining later). Returns the new person's id. */
    @Transactional
    public CommandResult<Long> addMember(long caseId, NewMember m, Actor actor) {
        ChangeSupport.Result guarded = support.guard(caseId, CaseCommand.ADD_MEMBER, actor);
        if (guarded.failure() != null) {
            return CommandResult.fail(guarded.failure());
        }
        List<FieldProblem> problems = problems(m, support.today());
        if (!problems.isEmpty()) {
            FieldProblem p = problems.get(0);
            return CommandResult.fail(CommandFailure.RuleBroken.of(p.field(), p.messageKey(), p.args().toArray()));
        }
        String override = ChangeSupport.blankToNull(m.overrideReason());
        if (override != null && !actor.isAgency()) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.capacity.overrideAgencyOnly"));
        }
        long personId = insertMember(caseId, m, actor);
        HouseholdFacts.Facts[] change = facts.recompute(caseId, null, actor);
        // After the acceptance a joining member takes a place; after settlement only a reunified one does (decisions decides).
        if (guarded.status() == CaseStatus.OFFERED || guarded.status() == CaseStatus.TEMPORARILY_ABSENT
                || guarded.status() == CaseStatus.SETTLED) {
            Optional<CommandFailure> refused = places.memberJoined(caseId, personId, m.reason() == JoinReason.FAMILY_REUNIFICATION,
                    actor, override);
            if (refused.isPresent()) {
                return CommandResult.fail(refused.get());
            }
        }
        support.history(caseId, actor, CaseCommand.ADD_MEMBER, guarded.status(), reasonText(m.reason()) + ": "
                + m.givenName().trim() + " " + m.familyName().trim() + " (f. " + m.birthDate() + ", " + support.words().nb("relation.", m.relation())
                + ", DUF " + IdentityKind.normalise(m.dufNumber()) + ")"
                + (m.reason() == JoinReason.FAMILY_REUNIFICATION ? ", tillatelse " + m.permitType().name() + " " + m.permitDate()
                + (ChangeSupport.blankToNull(m.permitReference()) == null ? "" : " " + m.permitReference().trim()) : "")
                + ". Husstand: " + change[0].describe() + " → " + change[1].describe()
                + (override == null ? "" : ". Overstyrt plassgrense: " + override)
                + (ChangeSupport.blankToNull(m.note()) == null ? "" : ". " + m.note().trim()));
        support.notice(caseId, CaseCommand.ADD_MEMBER, guarded.status(), "Et nytt medlem er lagt til husstanden ("
                + reasonText(m.reason()).toLowerCase() + "). Husstanden har nå " + change[1].persons() + " personer.", actor);
        return CommandResult.ok(personId);
    }

    static String reasonText(JoinReason reason) {
        return switch (reason) {
            case BIRTH -> "Fødsel";
            case FAMILY_REUNIFICATION -> "Familiegjenforening";
            case JOINED_LATER -> "Kommet til senere";
        };
    }

    private long insertMember(long caseId, NewMember m, Actor actor) {
        LocalDate today = support.today();
        String duf = IdentityKind.normalise(m.dufNumber());
        String dnr = ChangeSupport.blankToNull(IdentityKind.normalise(m.dNumber()));
        String nin = ChangeSupport.blankToNull(IdentityKind.normalise(m.nationalId()));
        long personId = jdbc.sql("""
                insert into person (case_id, duf_number, national_id, d_number, given_name, family_name, birth_date, sex,
                    citizenship, relation, joined_reason, joined_on, created_at, created_by, updated_at, updated_by)
                values (:case, :duf, :nin, :dnr, :given, :family, :birth, :sex, :cit, :rel, :why, :today,
                    :now, :by, :now, :by)
                returning id
                """)
                .param("case", caseId).param("duf", duf).param("nin", nin).param("dnr", dnr)
                .param("given", m.givenName().trim()).param("family", m.familyName().trim()).param("birth", m.birthDate())
                .param("sex", m.sex().trim()).param("cit", m.citizenship().trim()).param("rel", m.relation().name())
                .param("why", m.reason().name()).param("today", today).param("now", support.now())
                .param("by", actor.username()).query(Long.class).single();
        identities.recordInitial(personId, duf, dnr, nin, today, actor);
        if (m.reason() == JoinReason.FAMILY_REUNIFICATION) {
            jdbc.sql("""
                    insert into residence_permit (person_id, permit_type, granted_date, created_at, created_by)
                    values (:p, :t, :d, :now, :by)
                    """)
                    .param("p", personId).param("t", m.permitType().name()).param("d", m.permitDate())
                    .param("now", support.now()).param("by", actor.username()).update();
        }
        // The new member lives where the household lives now.
        jdbc.sql("""
                insert into residence_history (person_id, kind, reception_centre_id, municipality_number, from_date, created_at, created_by)
                select :p, h.kind, h.reception_centre_id, h.municipality_number, greatest(h.from_date, :today), :now, :by
                from residence_history h join person main on main.id = h.person_id
                where main.case_id = :case and main.relation = 'MAIN' and h.to_date is null
                order by h.from_date desc, h.id desc limit 1
                """)
                .param("p", personId).param("today", today).param("now", support.now()).param("by", actor.username())
                .param("case", caseId).update();
        return personId;
    }

    /** Removes a member (not the last, not the main person) from a date, with a reason. */
    @Transactional
    public CommandResult<Void> removeMember(long caseId, long personId, String reason, Actor actor) {
        ChangeSupport.Result guarded = support.guard(caseId, CaseCommand.REMOVE_MEMBER, actor);
        if (guarded.failure() != null) {
            return CommandResult.fail(guarded.failure());
        }
        Optional<ChangeSupport.Member> member = support.member(caseId, personId);
        if (member.isEmpty()) {
            return CommandResult.fail(ChangeSupport.memberNotFound(personId));
        }
        if (ChangeSupport.blankToNull(reason) == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        if (facts.members(caseId).size() <= 1) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("person", "error.member.last"));
        }
        if (member.get().relation() == Relation.MAIN) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("person", "error.member.removeMain"));
        }
        jdbc.sql("update person set removed_on = :today, removed_reason = :r, updated_at = :now, updated_by = :by where id = :p")
                .param("today", support.today()).param("r", reason.trim()).param("now", support.now())
                .param("by", actor.username()).param("p", personId).update();
        HouseholdFacts.Facts[] change = facts.recompute(caseId, null, actor);
        if (guarded.status() == CaseStatus.OFFERED || guarded.status() == CaseStatus.TEMPORARILY_ABSENT) {
            Optional<CommandFailure> refused = places.memberLeft(caseId, personId, actor, reason.trim());
            if (refused.isPresent()) {
                return CommandResult.fail(refused.get());
            }
        }
        support.history(caseId, actor, CaseCommand.REMOVE_MEMBER, guarded.status(), member.get().name() + " (f. "
                + member.get().birthDate() + ", " + support.words().nb("relation.", member.get().relation()) + ") fjernet: " + reason.trim()
                + ". Husstand: " + change[0].describe() + " → " + change[1].describe());
        support.notice(caseId, CaseCommand.REMOVE_MEMBER, guarded.status(), "Et medlem har gått ut av husstanden. Husstanden har nå "
                + change[1].persons() + " personer.", actor);
        return CommandResult.ok(null);
    }

    /**
     * Splits the chosen members into a new case of their own (before any proposal): its own reference and history,
     * the same permit date (its settlement target counts from it), under mapping; {@code newMainId}, one of them, is
     * its main person. The main person of the case stays. Both households are recomputed. Returns the new case id.
     */
    @Transactional
    public CommandResult<Long> split(long caseId, List<Long> personIds, Long newMainId, String reason, Actor actor) {
        ChangeSupport.Result guarded = support.guard(caseId, CaseCommand.SPLIT_HOUSEHOLD, actor);
        if (guarded.failure() != null) {
            return CommandResult.fail(guarded.failure());
        }
        Set<Long> chosen = new LinkedHashSet<>(personIds == null ? List.of() : personIds);
        if (chosen.isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("members", "error.split.none"));
        }
        List<ChangeSupport.Member> moving = new ArrayList<>();
        for (Long id : chosen) {
            Optional<ChangeSupport.Member> m = support.member(caseId, id);
            if (m.isEmpty()) {
                return CommandResult.fail(ChangeSupport.memberNotFound(id));
            }
            if (m.get().relation() == Relation.MAIN) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("members", "error.split.mainStays"));
            }
            moving.add(m.get());
        }
        if (newMainId == null || !chosen.contains(newMainId)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("newMain", "error.split.newMain"));
        }
        if (ChangeSupport.blankToNull(reason) == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.reason.required"));
        }
        long newId = jdbc.sql("select nextval('settlement_case_id_seq')").query(Long.class).single();
        String[] old = jdbc.sql("select reference, permit_reference, permit_date from settlement_case where id = :id")
                .param("id", caseId).query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        String reference = "BS-" + old[2].substring(0, 4) + "-" + String.format("%06d", newId);
        jdbc.sql("""
                insert into settlement_case (id, reference, permit_reference, permit_type, permit_date, status, household_type,
                    persons, children, unaccompanied_minor, living_situation, reception_centre_id, living_municipality_number,
                    status_changed_at, created_at, created_by, updated_at, updated_by)
                select :new, :ref, permit_reference || '/' || :ref, permit_type, permit_date, 'UNDER_MAPPING', household_type,
                    persons, children, unaccompanied_minor, living_situation, reception_centre_id, living_municipality_number,
                    :now, :now, :by, :now, :by
                from settlement_case where id = :old
                """)
                .param("new", newId).param("ref", reference).param("now", support.now()).param("by", actor.username())
                .param("old", caseId).update();
        jdbc.sql("update person set case_id = :new, updated_at = :now, updated_by = :by where id in (:ids)")
                .param("new", newId).param("now", support.now()).param("by", actor.username()).param("ids", chosen).update();
        jdbc.sql("update person set relation = 'MAIN' where id = :p").param("p", newMainId).update();
        HouseholdFacts.Facts[] oldChange = facts.recompute(caseId, null, actor);
        HouseholdFacts.Facts[] newFacts = facts.recompute(newId, null, actor);
        String names = String.join(", ", moving.stream().map(ChangeSupport.Member::name).toList());
        CaseCommands.CASE_HISTORY.append(jdbc, support.clock(), newId, actor, CaseCommand.SPLIT_HOUSEHOLD, null,
                CaseStatus.UNDER_MAPPING, "Skilt ut fra sak " + old[0] + ": " + names + ". " + reason.trim()
                        + ". Husstand: " + newFacts[1].describe());
        support.history(caseId, actor, CaseCommand.SPLIT_HOUSEHOLD, guarded.status(), names + " skilt ut i ny sak " + reference
                + ": " + reason.trim() + ". Husstand: " + oldChange[0].describe() + " → " + oldChange[1].describe());
        return CommandResult.ok(newId);
    }
}
