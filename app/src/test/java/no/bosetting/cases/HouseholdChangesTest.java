package no.bosetting.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.Identifiers;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Household and person changes on embedded PostgreSQL (issue 20 item 1): each change recomputes the household and is
 * in the case history with before → after; each bad input is refused on its field and changes nothing; after an
 * acceptance a joining member takes a place under the decision's lock — refused beyond the decided number without the
 * agency's override, allowed with it — and the municipality is told in the case thread.
 */
@IntegrationTest
class HouseholdChangesTest {

    /** Moskenes: no other test settles here. */
    private static final String MUNICIPALITY = "1874";

    @Autowired
    Fixtures fixtures;
    @Autowired
    HouseholdChanges changes;
    @Autowired
    PersonCorrections corrections;
    @Autowired
    CaseQueries queries;
    @Autowired
    IdentityNumbers identities;
    @Autowired
    PermitImport permits;
    @Autowired
    PermitCsvImport csv;
    @Autowired
    Proposals proposals;
    @Autowired
    SettlementDecisions decisions;
    @Autowired
    JdbcClient jdbc;

    /** A valid national identity number (or D-number) of someone born in the 1980s, unique in this run. */
    static String number(boolean dNumber) {
        while (true) {
            long n = Fixtures.next();
            int day = (int) Math.floorMod(n, 28) + 1 + (dNumber ? 40 : 0);
            int month = (int) Math.floorMod(n / 28, 12) + 1;
            int individual = (int) Math.floorMod(n / 336, 500);
            String valid = Identifiers.withCheckDigits(String.format("%02d%02d%02d%03d", day, month, 80 + Math.floorMod(n, 10), individual));
            if (valid != null) {
                return valid;
            }
        }
    }

    private HouseholdChanges.NewMember member(JoinReason reason, String given, LocalDate born, Relation relation, String duf,
                                              String nationalId) {
        return new HouseholdChanges.NewMember(reason, given, "Testesen", born, "F", "UKR", relation, duf, null, nationalId,
                reason == JoinReason.FAMILY_REUNIFICATION ? PermitType.ASYLUM : null,
                reason == JoinReason.FAMILY_REUNIFICATION ? TestClock.today().minusDays(3) : null, "UDI-FG-1", null, null);
    }

    private Actor caseworker() {
        return fixtures.caseworker();
    }

    private CaseSummary summary(long caseId) {
        return queries.summaryForSystem(caseId).orElseThrow();
    }

    private int historyLines(long caseId) {
        return queries.history(caseId).size();
    }

    private static void refusedOn(CommandResult<?> result, String field, String key) {
        assertThat(result.isSuccess()).as("refused").isFalse();
        assertThat(result.failure()).isInstanceOf(CommandFailure.RuleBroken.class);
        assertThat(((CommandFailure.RuleBroken) result.failure()).field()).isEqualTo(field);
        assertThat(result.failure().messageKey()).isEqualTo(key);
    }

    @Test
    void aReunifiedChildJoinsWithItsPermitAndTheHouseholdBecomesAFamily() {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        assertThat(summary(caseId).householdType()).isEqualTo(HouseholdType.SINGLE_WOMAN);

        long personId = changes.addMember(caseId, member(JoinReason.FAMILY_REUNIFICATION, "Gjenforent",
                LocalDate.of(2016, 5, 1), Relation.CHILD, Fixtures.duf(), null), caseworker()).value();

        CaseSummary after = summary(caseId);
        assertThat(after.persons()).isEqualTo(2);
        assertThat(after.householdType()).isEqualTo(HouseholdType.SINGLE_ADULT_WITH_CHILDREN);
        assertThat(SettlementTarget.dueDate(after.permitDate(), after.householdType()))
                .isEqualTo(after.permitDate().plusMonths(3));
        CaseHistoryEntry line = queries.history(caseId).get(queries.history(caseId).size() - 1);
        assertThat(line.command()).isEqualTo("ADD_MEMBER");
        assertThat(line.actor()).isEqualTo(caseworker().username());
        assertThat(line.reason()).contains("Familiegjenforening", "Gjenforent", "ASYLUM",
                "1 pers., SINGLE_WOMAN → 2 pers., SINGLE_ADULT_WITH_CHILDREN");
        assertThat(jdbc.sql("select permit_type from residence_permit where person_id = :p").param("p", personId)
                .query(String.class).single()).isEqualTo("ASYLUM");
        assertThat(jdbc.sql("select joined_reason from person where id = :p").param("p", personId).query(String.class).single())
                .isEqualTo("FAMILY_REUNIFICATION");
        assertThat(identities.history(personId)).extracting(IdentityNumbers.IdentityRecord::kind).containsExactly(IdentityKind.DUF);
        assertThat(queries.personIds(caseId)).contains(personId);
    }

    @Test
    void aPermitRowForANewMemberAttachesItToTheExistingCaseOnce() {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        String duf = Fixtures.duf();
        HouseholdChanges.NewMember reunified = member(JoinReason.FAMILY_REUNIFICATION, "Fraudi", LocalDate.of(1984, 2, 2),
                Relation.SPOUSE, duf, null);
        long[] first = permits.importMember(summary(caseId).reference(), reunified, caseworker()).value();
        long[] again = permits.importMember(summary(caseId).reference(), reunified, caseworker()).value();
        assertThat(first[0]).isEqualTo(caseId);
        assertThat(again[1]).isEqualTo(first[1]);
        assertThat(summary(caseId).persons()).isEqualTo(2);
        assertThat(summary(caseId).householdType()).isEqualTo(HouseholdType.COUPLE_WITHOUT_CHILDREN);
        refusedOn(permits.importMember("BS-0000-000000", reunified, caseworker()), "caseReference", "error.case.referenceUnknown");
    }

    @Test
    void aCsvPermitRowWithJoinsCaseAttachesTheMemberAndABadRowOnlyItself() throws Exception {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        String reference = summary(caseId).reference();
        String valid = number(false);
        String bad = valid.substring(0, 10) + (valid.charAt(10) == '9' ? '0' : (char) (valid.charAt(10) + 1));
        String permit = "UDI-FG-" + Fixtures.next();
        String header = String.join(",", PermitCsvImport.COLUMNS) + "," + PermitCsvImport.JOINS_CASE + "\n";
        String good = permit + ",ASYLUM," + TestClock.today().minusDays(2) + ",RECEPTION_CENTRE,,," + Fixtures.duf() + ",,,Ola,Testesen,"
                + "1983-04-04,M,UKR,SPOUSE,,," + reference + "\n";
        String wrong = permit + ",ASYLUM," + TestClock.today().minusDays(2) + ",RECEPTION_CENTRE,,," + Fixtures.duf() + "," + bad
                + ",,Kari,Testesen,2012-04-04,F,UKR,CHILD,,," + reference + "\n";
        PermitCsvImport.Report report = csv.importCsv(new java.io.StringReader(header + good + wrong), caseworker());
        assertThat(report.rows()).extracting(PermitCsvImport.RowResult::status)
                .containsExactly(PermitCsvImport.RowStatus.CREATED, PermitCsvImport.RowStatus.ERROR);
        assertThat(report.rows().get(1).problems()).extracting(no.bosetting.shared.FieldProblem::field).containsExactly("national_id");
        assertThat(summary(caseId).persons()).isEqualTo(2);
        PermitCsvImport.Report again = csv.importCsv(new java.io.StringReader(header + good), caseworker());
        assertThat(again.rows()).extracting(PermitCsvImport.RowResult::status).containsExactly(PermitCsvImport.RowStatus.UNCHANGED);
        assertThat(summary(caseId).persons()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedOnItsFieldAndChangesNothing() {
        long caseId = fixtures.household(fixtures.centre("0301"), 0);
        String mainDuf = jdbc.sql("select duf_number from person where case_id = :c").param("c", caseId).query(String.class).single().trim();
        long mainId = queries.personIds(caseId).get(0);
        int lines = historyLines(caseId);
        String valid = number(false);
        String badCheck = valid.substring(0, 10) + (valid.charAt(10) == '9' ? '0' : (char) (valid.charAt(10) + 1));

        refusedOn(changes.addMember(caseId, member(JoinReason.BIRTH, "Dobbel", TestClock.today().minusDays(2), Relation.CHILD,
                mainDuf, null), caseworker()), "dufNumber", "error.identity.duplicate");
        refusedOn(changes.addMember(caseId, member(JoinReason.JOINED_LATER, "Feilsum", LocalDate.of(1990, 1, 1), Relation.OTHER,
                Fixtures.duf(), badCheck), caseworker()), "nationalId", "error.nin.checksum");
        refusedOn(changes.addMember(caseId, member(JoinReason.BIRTH, "Fremtid", TestClock.today().plusDays(1), Relation.CHILD,
                Fixtures.duf(), null), caseworker()), "birthDate", "error.birthDate.future");
        refusedOn(changes.removeMember(caseId, mainId, "Flyttet", caseworker()), "person", "error.member.last");
        refusedOn(corrections.correct(caseId, mainId, new PersonCorrections.Correction("Testa", "Testesen",
                TestClock.today().plusDays(1), "F", Relation.MAIN, null, "Feil dato", null), caseworker()), "birthDate",
                "error.birthDate.future");
        refusedOn(corrections.registerIdentity(caseId, mainId, IdentityKind.NATIONAL_ID, badCheck, TestClock.today(), null,
                caseworker()), "number", "error.nin.checksum");
        refusedOn(corrections.registerIdentity(caseId, mainId, IdentityKind.DUF, mainDuf, TestClock.today(), null,
                caseworker()), "number", "error.identity.duplicate");

        assertThat(summary(caseId).persons()).isEqualTo(1);
        assertThat(queries.personIds(caseId)).containsExactly(mainId);
        assertThat(historyLines(caseId)).isEqualTo(lines);
        assertThat(jdbc.sql("select birth_date from person where id = :p").param("p", mainId).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(1985, 3, 1));
        assertThat(identities.history(mainId)).hasSize(1);
        // A number someone else has is refused for anybody else, too.
        long other = fixtures.household(fixtures.centre("0301"), 0);
        corrections.registerIdentity(caseId, mainId, IdentityKind.NATIONAL_ID, valid, TestClock.today(), null, caseworker()).value();
        refusedOn(corrections.registerIdentity(other, queries.personIds(other).get(0), IdentityKind.NATIONAL_ID, valid,
                TestClock.today(), null, caseworker()), "number", "error.identity.duplicate");
    }

    @Test
    void aDNumberReplacedByANationalIdentityNumberKeepsItsHistoryAndBothFindThePerson() {
        long caseId = fixtures.household(fixtures.centre("0301"), 1);
        long mainId = queries.personIds(caseId).get(0);
        String duf = jdbc.sql("select duf_number from person where id = :p").param("p", mainId).query(String.class).single().trim();
        String dNumber = number(true);
        String nationalId = number(false);
        corrections.registerIdentity(caseId, mainId, IdentityKind.D_NUMBER, dNumber, TestClock.today().minusDays(20), "Fra Skatteetaten",
                caseworker()).value();
        corrections.registerIdentity(caseId, mainId, IdentityKind.NATIONAL_ID, nationalId, TestClock.today(), "Fødselsnummer tildelt",
                caseworker()).value();

        List<IdentityNumbers.IdentityRecord> history = identities.history(mainId);
        IdentityNumbers.IdentityRecord old = history.stream().filter(r -> r.kind() == IdentityKind.D_NUMBER).findFirst().orElseThrow();
        assertThat(old.value()).isEqualTo(dNumber);
        assertThat(old.validTo()).isEqualTo(TestClock.today().minusDays(1));
        assertThat(history.stream().filter(IdentityNumbers.IdentityRecord::current).map(IdentityNumbers.IdentityRecord::kind))
                .containsExactlyInAnyOrder(IdentityKind.DUF, IdentityKind.NATIONAL_ID);
        assertThat(jdbc.sql("select coalesce(d_number, '-') || national_id from person where id = :p").param("p", mainId)
                .query(String.class).single()).isEqualTo("-" + nationalId);
        assertThat(queries.history(caseId).get(queries.history(caseId).size() - 1).reason())
                .contains("D_NUMBER " + dNumber + " → NATIONAL_ID " + nationalId);
        // Sign-in (ID-porten and the one-time code) and the case search find the person by any number, old or new.
        assertThat(queries.dufForNationalId(dNumber)).contains(duf);
        assertThat(queries.dufForNationalId(nationalId)).contains(duf);
        for (String any : List.of(dNumber, nationalId, duf)) {
            assertThat(queries.search(new CaseFilter(null, null, null, null, null, null, null, null, any), caseworker(), 0, 10)
                    .items()).as(any).extracting(CaseSummary::id).containsExactly(caseId);
        }
        // A new number must start after the current one did.
        refusedOn(corrections.registerIdentity(caseId, mainId, IdentityKind.NATIONAL_ID, number(false), TestClock.today().minusDays(5),
                null, caseworker()), "validFrom", "error.identity.beforeCurrent");
    }

    @Test
    void aSplitHouseholdGetsItsOwnCaseAndBothAreRecomputed() {
        long caseId = fixtures.household(fixtures.centre("0301"), 2);
        List<Long> before = queries.personIds(caseId);
        long aunt = changes.addMember(caseId, member(JoinReason.JOINED_LATER, "Tante", LocalDate.of(1975, 7, 7), Relation.OTHER,
                Fixtures.duf(), null), caseworker()).value();
        long child = before.get(2);
        refusedOn(changes.split(caseId, List.of(before.get(0), aunt), aunt, "Egen husstand", caseworker()), "members",
                "error.split.mainStays");
        refusedOn(changes.split(caseId, List.of(aunt, child), null, "Egen husstand", caseworker()), "newMain", "error.split.newMain");
        assertThat(summary(caseId).persons()).isEqualTo(4);

        long newCase = changes.split(caseId, List.of(aunt, child), aunt, "Tanten tar omsorgen for ett av barna", caseworker()).value();

        CaseSummary old = summary(caseId);
        CaseSummary split = summary(newCase);
        assertThat(old.persons()).isEqualTo(2);
        assertThat(old.householdType()).isEqualTo(HouseholdType.SINGLE_ADULT_WITH_CHILDREN);
        assertThat(split.persons()).isEqualTo(2);
        assertThat(split.householdType()).isEqualTo(HouseholdType.SINGLE_ADULT_WITH_CHILDREN);
        assertThat(split.reference()).isNotEqualTo(old.reference()).startsWith("BS-");
        assertThat(split.status()).isEqualTo(CaseStatus.UNDER_MAPPING);
        assertThat(split.permitDate()).isEqualTo(old.permitDate());
        assertThat(queries.personIds(newCase)).containsExactlyInAnyOrder(aunt, child);
        assertThat(jdbc.sql("select relation from person where id = :p").param("p", aunt).query(String.class).single()).isEqualTo("MAIN");
        assertThat(queries.history(newCase)).extracting(CaseHistoryEntry::command).containsExactly("SPLIT_HOUSEHOLD");
        assertThat(queries.history(newCase).get(0).reason()).contains(old.reference(), "Tante");
        assertThat(queries.history(caseId).get(queries.history(caseId).size() - 1).reason()).contains(split.reference(), "4 pers.");
    }

    @Test
    void removingAMemberAndCorrectingFactsAndAddressAreInTheHistory() {
        long caseId = fixtures.household(fixtures.centre("0301"), 1);
        long mainId = queries.personIds(caseId).get(0);
        long child = queries.personIds(caseId).get(1);
        refusedOn(changes.removeMember(caseId, mainId, "Flyttet", caseworker()), "person", "error.member.removeMain");
        refusedOn(changes.removeMember(caseId, child, " ", caseworker()), "reason", "error.reason.required");
        changes.removeMember(caseId, child, "Flyttet til faren", caseworker()).value();
        assertThat(summary(caseId).persons()).isEqualTo(1);
        assertThat(summary(caseId).householdType()).isEqualTo(HouseholdType.SINGLE_WOMAN);
        assertThat(queries.personIds(caseId)).containsExactly(mainId);

        corrections.correct(caseId, mainId, new PersonCorrections.Correction("Tetiana", "Testesen", LocalDate.of(1985, 3, 2), "F",
                Relation.MAIN, null, "Stavefeil i UDIs vedtak", null), caseworker()).value();
        assertThat(queries.history(caseId).get(queries.history(caseId).size() - 1).reason())
                .contains("fornavn: Testa → Tetiana", "fødselsdato: 1985-03-01 → 1985-03-02", "Stavefeil");
        refusedOn(corrections.correct(caseId, mainId, new PersonCorrections.Correction("Tetiana", "Testesen", LocalDate.of(1985, 3, 2),
                "F", Relation.MAIN, true, "Enslig?", null), caseworker()), "unaccompaniedMinor", "error.minorFlag.noMinor");

        refusedOn(corrections.changeAddress(caseId, mainId, new PersonCorrections.Address("Storgata 1", "80", "Bodø", "1804",
                TestClock.today(), null), caseworker()), "postalCode", "error.address.postalCode");
        corrections.changeAddress(caseId, mainId, new PersonCorrections.Address("Storgata 1", "8006", "Bodø", "1804",
                TestClock.today(), "Fått bolig"), caseworker()).value();
        assertThat(jdbc.sql("select address_line || '|' || postal_code || '|' || address_municipality from person where id = :p")
                .param("p", mainId).query(String.class).single()).isEqualTo("Storgata 1|8006|1804");
        assertThat(queries.history(caseId).get(queries.history(caseId).size() - 1).command()).isEqualTo("CHANGE_ADDRESS");
    }

    /** Report 000 (settlement-process §4.3): the decided number is not exceeded unless the agency overrides with a reason. */
    @Test
    void aMemberJoiningAfterAcceptanceTakesAPlaceOnlyWithinTheDecidedNumberOrWithTheAgencysOverride() {
        fixtures.resetMunicipality(MUNICIPALITY);
        LocalDate planned = TestClock.today().plusDays(14);
        fixtures.decide(MUNICIPALITY, planned.getYear(), 2, 0);
        long caseId = fixtures.household(fixtures.centre("0301"), 1);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, MUNICIPALITY);
        proposals.accept(fixtures.municipality(MUNICIPALITY), proposalId, fixtures.plannedDates(caseId, planned), null).value();
        assertThat(decisions.placesUsed(MUNICIPALITY, planned.getYear()).used()).isEqualTo(2);
        int lines = historyLines(caseId);

        HouseholdChanges.NewMember baby = member(JoinReason.BIRTH, "Nyfødt", TestClock.today().minusDays(1), Relation.CHILD,
                Fixtures.duf(), null);
        CommandResult<Long> refused = changes.addMember(caseId, baby, caseworker());
        refusedOn(refused, "capacity", "error.household.placesExceeded");
        assertThat(summary(caseId).persons()).isEqualTo(2);
        assertThat(decisions.forCase(caseId)).hasSize(2);
        assertThat(historyLines(caseId)).isEqualTo(lines);
        assertThat(decisions.placesUsed(MUNICIPALITY, planned.getYear()).used()).isEqualTo(2);

        long babyId = changes.addMember(caseId, new HouseholdChanges.NewMember(JoinReason.BIRTH, "Nyfødt", "Testesen",
                TestClock.today().minusDays(1), "M", "UKR", Relation.CHILD, baby.dufNumber(), null, null, null, null, null, null,
                "Født etter vedtaket; kommunen har bekreftet plass"), caseworker()).value();
        Optional<SettlementDecision> babyDecision = decisions.forCase(caseId).stream().filter(d -> d.personId() == babyId).findFirst();
        assertThat(babyDecision).isPresent();
        assertThat(babyDecision.get().status()).isEqualTo(DecisionStatus.OFFERED);
        assertThat(babyDecision.get().plannedSettlementDate()).isEqualTo(planned);
        assertThat(babyDecision.get().overrideReason()).contains("kommunen har bekreftet plass");
        assertThat(decisions.placesUsed(MUNICIPALITY, planned.getYear()).used()).isEqualTo(3);
        assertThat(summary(caseId).status()).isEqualTo(CaseStatus.OFFERED);
        // The municipality is told in the case thread, without names.
        List<String> posted = jdbc.sql("""
                select m.body from message m join message_thread t on t.id = m.thread_id
                where t.case_id = :c and t.municipality_number = :m order by m.id
                """).param("c", caseId).param("m", MUNICIPALITY).query(String.class).list();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0)).contains("Endring i husstanden", "3 personer").doesNotContain("Nyfødt");

        // A member who leaves releases the place.
        changes.removeMember(caseId, babyId, "Registrert i feil sak", caseworker()).value();
        assertThat(decisions.placesUsed(MUNICIPALITY, planned.getYear()).used()).isEqualTo(2);
        assertThat(decisions.forCase(caseId).stream().filter(d -> d.personId() == babyId).findFirst().orElseThrow().status())
                .isEqualTo(DecisionStatus.REVOKED);
        // Only the agency overrides; another role is refused before anything else.
        assertThat(changes.addMember(caseId, baby, fixtures.municipality(MUNICIPALITY)).failure())
                .isInstanceOfAny(CommandFailure.NotFound.class, CommandFailure.NotAllowed.class);
    }
    /** A household corrected into an unaccompanied minor after the acceptance needs the municipality's minors' places. */
    @Test
    void aMinorFlagSetAfterAcceptanceIsCheckedAgainstTheMinorsPlaces() {
        String evenes = "1853";
        fixtures.resetMunicipality(evenes);
        LocalDate planned = TestClock.today().plusDays(14);
        fixtures.decide(evenes, planned.getYear(), 10, 0);
        long caseId = fixtures.household(fixtures.centre("0301"), 1);
        long main = queries.personIds(caseId).get(0);
        fixtures.ready(caseId);
        long proposalId = fixtures.propose(caseId, evenes);
        proposals.accept(fixtures.municipality(evenes), proposalId, fixtures.plannedDates(caseId, planned), null).value();
        PersonCorrections.Correction flagged = new PersonCorrections.Correction("Testa", "Testesen", LocalDate.of(1985, 3, 1), "F",
                Relation.MAIN, true, "Følgeperson, ikke forelder", null);

        refusedOn(corrections.correct(caseId, main, flagged, caseworker()), "capacity", "error.capacity.minorsExceeded");
        assertThat(summary(caseId).unaccompaniedMinor()).isFalse();
        assertThat(decisions.placesUsed(evenes, planned.getYear()).minorsUsed()).isZero();

        corrections.correct(caseId, main, new PersonCorrections.Correction("Testa", "Testesen", LocalDate.of(1985, 3, 1), "F",
                Relation.MAIN, true, "Følgeperson, ikke forelder", "Kommunen tar imot likevel"), caseworker()).value();
        assertThat(summary(caseId).unaccompaniedMinor()).isTrue();
        assertThat(summary(caseId).householdType()).isEqualTo(HouseholdType.UNACCOMPANIED_MINOR);
        assertThat(decisions.placesUsed(evenes, planned.getYear()).minorsUsed()).isEqualTo(2);
        assertThat(decisions.forCase(caseId)).allMatch(d -> "Kommunen tar imot likevel".equals(d.overrideReason()));
        assertThat(queries.history(caseId).get(queries.history(caseId).size() - 1).reason())
                .contains("enslig mindreårig: nei → ja", "Overstyrt plassgrense: Kommunen tar imot likevel");
    }
    /** While proposed, no place is taken yet (the acceptance counts the household as it is then); the municipality is told. */
    @Test
    void aChangeWhileProposedIsToldToTheProposedMunicipality() {
        String evenes = "1853";
        long caseId = fixtures.household(fixtures.centre("0301"), 1);
        fixtures.ready(caseId);
        fixtures.propose(caseId, evenes);
        changes.addMember(caseId, member(JoinReason.BIRTH, "Liten", TestClock.today().minusDays(1), Relation.CHILD,
                Fixtures.duf(), null), caseworker()).value();
        assertThat(summary(caseId).status()).isEqualTo(CaseStatus.PROPOSED);
        assertThat(decisions.forCase(caseId)).isEmpty();
        assertThat(jdbc.sql("""
                select m.body from message m join message_thread t on t.id = m.thread_id
                where t.case_id = :c and t.municipality_number = :m
                """).param("c", caseId).param("m", evenes).query(String.class).list())
                .singleElement().asString().contains("fødsel", "3 personer").doesNotContain("Liten");
    }
}
