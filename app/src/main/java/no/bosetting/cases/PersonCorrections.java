package no.bosetting.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of a member's facts by the agency caseworker (issue 20 item 1): name, birth date (never in the future),
 * sex, relation and the household's unaccompanied-minor flag; identity numbers over time (DUF, D-number, national
 * identity number with both mod-11 control digits, never one anyone else has had); the address municipalities need for
 * housing allowance (report 000 lines 3027–3035 and 6700–6716; report 001). Every change is in the case history with
 * who, when, why and before → after; nothing is changed when a rule refuses it.
 */
@Service
public class PersonCorrections {

    private final JdbcClient jdbc;
    private final ChangeSupport support;
    private final HouseholdFacts facts;
    private final IdentityNumbers identities;
    private final HouseholdPlaces places;
    private final Municipalities municipalities;

    PersonCorrections(JdbcClient jdbc, ChangeSupport support, HouseholdFacts facts, IdentityNumbers identities,
                      HouseholdPlaces places, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.support = support;
        this.facts = facts;
        this.identities = identities;
        this.places = places;
        this.municipalities = municipalities;
    }

    /** The corrected facts; {@code unaccompaniedMinor} is the household's flag (null: leave it). */
    public record Correction(String givenName, String familyName, LocalDate birthDate, String sex, Relation relation,
                             Boolean unaccompaniedMinor, String reason, String overrideReason) {

        /** The correction of {@code personId} as a held command's input by name (two-step control); {@link #fromInput} reads it back. */
        public java.util.Map<String, String> input(long personId) {
            java.util.Map<String, String> in = new java.util.LinkedHashMap<>();
            in.put("command", CaseCommand.CORRECT_PERSON.name());
            in.put("personId", String.valueOf(personId));
            in.put("givenName", givenName);
            in.put("familyName", familyName);
            in.put("birthDate", birthDate == null ? null : birthDate.toString());
            in.put("sex", sex);
            in.put("relation", HouseholdChanges.name(relation));
            in.put("unaccompaniedMinor", unaccompaniedMinor == null ? null : unaccompaniedMinor.toString());
            in.put("reason", reason);
            in.put("overrideReason", overrideReason);
            return in;
        }

        public static Correction fromInput(java.util.Map<String, String> in) {
            return new Correction(in.get("givenName"), in.get("familyName"), HouseholdChanges.value(in, "birthDate", LocalDate::parse),
                    in.get("sex"), HouseholdChanges.value(in, "relation", Relation::valueOf),
                    HouseholdChanges.value(in, "unaccompaniedMinor", Boolean::valueOf), in.get("reason"), in.get("overrideReason"));
        }
    }

    /**
     * Whether this correction is the agency's place-rule override (two-step control): an override reason is given and
     * the household, offered, is corrected into an unaccompanied minor beyond the minors' places, as the place rule
     * answers ({@link HouseholdPlaces#minorFlagBeyondPlaces}). Otherwise the correction runs as always.
     */
    @Transactional(readOnly = true)
    public boolean overridesPlaces(long caseId, Correction c, Actor actor) {
        if (ChangeSupport.blankToNull(c.overrideReason()) == null || !actor.isAgency() || !Boolean.TRUE.equals(c.unaccompaniedMinor())) {
            return false;
        }
        // Only offered persons' decisions take minors' places (none offered: nothing beyond), so no status here.
        return !facts.stored(caseId).unaccompaniedMinor() && places.minorFlagBeyondPlaces(caseId);
    }

    @Transactional
    public CommandResult<Void> correct(long caseId, long personId, Correction c, Actor actor) {
        ChangeSupport.Result guarded = support.guard(caseId, CaseCommand.CORRECT_PERSON, actor);
        if (guarded.failure() != null) {
            return CommandResult.fail(guarded.failure());
        }
        Optional<ChangeSupport.Member> found = support.member(caseId, personId);
        if (found.isEmpty()) {
            return CommandResult.fail(ChangeSupport.memberNotFound(personId));
        }
        ChangeSupport.Member before = found.get();
        List<FieldProblem> problems = new ArrayList<>();
        PersonRules.name(c.givenName(), "givenName", "error.givenName.required").ifPresent(problems::add);
        PersonRules.name(c.familyName(), "familyName", "error.familyName.required").ifPresent(problems::add);
        PersonRules.birthDate(c.birthDate(), support.today()).ifPresent(problems::add);
        PersonRules.sex(c.sex()).ifPresent(problems::add);
        if (c.relation() == null) {
            problems.add(FieldProblem.of("relation", "error.relation.required"));
        } else if ((c.relation() == Relation.MAIN) != (before.relation() == Relation.MAIN)) {
            problems.add(FieldProblem.of("relation", "error.relation.main"));
        }
        if (ChangeSupport.blankToNull(c.reason()) == null) {
            problems.add(FieldProblem.of("reason", "error.reason.required"));
        }
        if (!problems.isEmpty()) {
            return fail(problems.get(0));
        }
        String[] old = jdbc.sql("select given_name, family_name from person where id = :p").param("p", personId)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).single();
        List<String> changes = new ArrayList<>();
        diff(changes, "fornavn", old[0], c.givenName().trim());
        diff(changes, "etternavn", old[1], c.familyName().trim());
        diff(changes, "fødselsdato", before.birthDate().toString(), c.birthDate().toString());
        diff(changes, "kjønn", before.sex(), c.sex().trim());
        diff(changes, "relasjon", before.relation().name(), c.relation().name());
        HouseholdFacts.Facts stored = facts.stored(caseId);
        Boolean flag = c.unaccompaniedMinor() == null || c.unaccompaniedMinor() == stored.unaccompaniedMinor() ? null
                : c.unaccompaniedMinor();
        if (changes.isEmpty() && flag == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "error.correction.nothingChanged"));
        }
        jdbc.sql("""
                update person set given_name = :g, family_name = :f, birth_date = :b, sex = :s, relation = :r,
                    updated_at = :now, updated_by = :by where id = :p
                """)
                .param("g", c.givenName().trim()).param("f", c.familyName().trim()).param("b", c.birthDate())
                .param("s", c.sex().trim()).param("r", c.relation().name()).param("now", support.now())
                .param("by", actor.username()).param("p", personId).update();
        // The flag is checked against the members as corrected: a minor needs a member under 18; only minors are one.
        if (flag != null) {
            HouseholdFacts.Facts asFlagged = HouseholdFacts.derive(facts.members(caseId), flag);
            if (asFlagged.unaccompaniedMinor() != flag) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("unaccompaniedMinor",
                        flag ? "error.minorFlag.noMinor" : "error.minorFlag.noAdult"));
            }
        }
        HouseholdFacts.Facts[] change = facts.recompute(caseId, flag, actor);
        if (guarded.status() == CaseStatus.OFFERED && change[0].unaccompaniedMinor() != change[1].unaccompaniedMinor()) {
            Optional<CommandFailure> refused = places.minorFlagChanged(caseId, change[1].unaccompaniedMinor(), actor,
                    ChangeSupport.blankToNull(c.overrideReason()));
            if (refused.isPresent()) {
                return CommandResult.fail(refused.get());
            }
        }
        if (change[0].unaccompaniedMinor() != change[1].unaccompaniedMinor()) {
            changes.add("enslig mindreårig: " + (change[0].unaccompaniedMinor() ? "ja" : "nei") + " → "
                    + (change[1].unaccompaniedMinor() ? "ja" : "nei"));
        }
        String household = change[0].equals(change[1]) ? "" : ". Husstand: " + change[0].describe() + " → " + change[1].describe();
        support.history(caseId, actor, CaseCommand.CORRECT_PERSON, guarded.status(), before.name() + ": " + String.join("; ", changes)
                + ". Begrunnelse: " + c.reason().trim() + household
                + (ChangeSupport.blankToNull(c.overrideReason()) == null || change[0].unaccompaniedMinor() == change[1].unaccompaniedMinor()
                || guarded.status() != CaseStatus.OFFERED ? "" : ". Overstyrt plassgrense: " + c.overrideReason().trim()));
        support.notice(caseId, CaseCommand.CORRECT_PERSON, guarded.status(), "Opplysninger om et medlem av husstanden er rettet"
                + (household.isEmpty() ? "." : ". Husstanden har nå " + change[1].persons() + " personer"
                + (change[1].unaccompaniedMinor() ? " (enslig mindreårig)." : ".")), actor);
        return CommandResult.ok(null);
    }

    private static void diff(List<String> changes, String what, String before, String after) {
        if (!before.equals(after)) {
            changes.add(what + ": " + before + " → " + after);
        }
    }

    /**
     * A new identity number valid from a date (not in the future): the earlier number of the kind ends the day before
     * and stays in the history; a national identity number replaces the D-number.
     */
    @Transactional
    public CommandResult<Void> registerIdentity(long caseId, long personId, IdentityKind kind, String number, LocalDate validFrom,
                                                String reason, Actor actor) {
        ChangeSupport.Result guarded = support.guard(caseId, CaseCommand.CHANGE_IDENTITY_NUMBER, actor);
        if (guarded.failure() != null) {
            return CommandResult.fail(guarded.failure());
        }
        Optional<ChangeSupport.Member> member = support.member(caseId, personId);
        if (member.isEmpty()) {
            return CommandResult.fail(ChangeSupport.memberNotFound(personId));
        }
        if (kind == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("kind", "error.identity.kindRequired"));
        }
        String value = IdentityKind.normalise(number);
        Optional<CommandFailure> bad = identities.problem(kind, value, "number");
        if (bad.isPresent()) {
            return CommandResult.fail(bad.get());
        }
        if (validFrom == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("validFrom", "error.date.required"));
        }
        if (validFrom.isAfter(support.today())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("validFrom", "error.date.future"));
        }
        Optional<LocalDate> latest = identities.history(personId).stream()
                .filter(r -> r.current() && (r.kind() == kind || kind == IdentityKind.NATIONAL_ID && r.kind() == IdentityKind.D_NUMBER))
                .map(IdentityNumbers.IdentityRecord::validFrom).max(LocalDate::compareTo);
        if (latest.isPresent() && !validFrom.isAfter(latest.get())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("validFrom", "error.identity.beforeCurrent", latest.get()));
        }
        List<IdentityNumbers.IdentityRecord> replaced = identities.register(personId, kind, value, validFrom,
                ChangeSupport.blankToNull(reason), actor);
        String before = replaced.isEmpty() ? "ingen" : String.join(", ", replaced.stream().map(r -> r.kind().name() + " " + r.value()).toList());
        support.history(caseId, actor, CaseCommand.CHANGE_IDENTITY_NUMBER, guarded.status(), member.get().name() + ": "
                + before + " → " + kind.name() + " " + value + " fra " + validFrom
                + (ChangeSupport.blankToNull(reason) == null ? "" : ". Begrunnelse: " + reason.trim()));
        if (guarded.status() == CaseStatus.OFFERED || guarded.status() == CaseStatus.SETTLED) {
            support.notice(caseId, CaseCommand.CHANGE_IDENTITY_NUMBER, guarded.status(),
                    "Et medlem av husstanden har fått nytt identitetsnummer; se personopplysningene i saken.", actor);
        }
        return CommandResult.ok(null);
    }

    /** The member's address. */
    public record Address(String line, String postalCode, String postalPlace, String municipalityNumber, LocalDate from,
                          String reason) {
    }

    @Transactional
    public CommandResult<Void> changeAddress(long caseId, long personId, Address a, Actor actor) {
        ChangeSupport.Result guarded = support.guard(caseId, CaseCommand.CHANGE_ADDRESS, actor);
        if (guarded.failure() != null) {
            return CommandResult.fail(guarded.failure());
        }
        Optional<ChangeSupport.Member> member = support.member(caseId, personId);
        if (member.isEmpty()) {
            return CommandResult.fail(ChangeSupport.memberNotFound(personId));
        }
        if (ChangeSupport.blankToNull(a.line()) == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("addressLine", "error.address.lineRequired"));
        }
        if (a.postalCode() == null || !a.postalCode().trim().matches("\\d{4}")) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("postalCode", "error.address.postalCode"));
        }
        if (ChangeSupport.blankToNull(a.postalPlace()) == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("postalPlace", "error.address.postalPlaceRequired"));
        }
        if (a.municipalityNumber() == null || municipalities.find(a.municipalityNumber().trim()).isEmpty()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("addressMunicipality", "error.municipality.unknown",
                    a.municipalityNumber() == null ? "" : a.municipalityNumber()));
        }
        if (a.from() == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("addressFrom", "error.date.required"));
        }
        if (a.from().isAfter(support.today())) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("addressFrom", "error.date.future"));
        }
        String before = jdbc.sql("""
                select coalesce(address_line || ', ' || postal_code || ' ' || postal_place || ' (' || address_municipality
                    || ') fra ' || address_from, 'ingen') from person where id = :p
                """).param("p", personId).query(String.class).single();
        jdbc.sql("""
                update person set address_line = :l, postal_code = :pc, postal_place = :pp, address_municipality = :m,
                    address_from = :from, updated_at = :now, updated_by = :by where id = :p
                """)
                .param("l", a.line().trim()).param("pc", a.postalCode().trim()).param("pp", a.postalPlace().trim())
                .param("m", a.municipalityNumber().trim()).param("from", a.from()).param("now", support.now())
                .param("by", actor.username()).param("p", personId).update();
        String after = a.line().trim() + ", " + a.postalCode().trim() + " " + a.postalPlace().trim() + " ("
                + a.municipalityNumber().trim() + ") fra " + a.from();
        support.history(caseId, actor, CaseCommand.CHANGE_ADDRESS, guarded.status(), member.get().name() + ": " + before + " → "
                + after + (ChangeSupport.blankToNull(a.reason()) == null ? "" : ". Begrunnelse: " + a.reason().trim()));
        if (guarded.status() == CaseStatus.OFFERED || guarded.status() == CaseStatus.SETTLED) {
            support.notice(caseId, CaseCommand.CHANGE_ADDRESS, guarded.status(),
                    "Et medlem av husstanden har fått ny adresse; se personopplysningene i saken.", actor);
        }
        return CommandResult.ok(null);
    }

    private static CommandResult<Void> fail(FieldProblem p) {
        return CommandResult.fail(CommandFailure.RuleBroken.of(p.field(), p.messageKey(), p.args().toArray()));
    }
}
