package no.bosetting.selfsettlement;

import java.time.LocalDate;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.cases.ImportOutcome;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitImportRequest;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.Relation;
import no.bosetting.shared.CommandResult;
import no.bosetting.support.Fixtures;
import no.bosetting.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds self-settlement data through the module's own commands. */
abstract class SelfSettlementTestSupport {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SelfSettlementSettings settings;
    @Autowired
    SelfSettlementRequests requests;
    @Autowired
    SelfSettlementRegistrations registrations;
    @Autowired
    SelfSettlementChecks checks;
    @Autowired
    SelfSettlementApprovals approvals;
    @Autowired
    SelfSettlementWindows windows;

    static final RequestChecklist COMPLETE = new RequestChecklist(true, true, true, true, TestClock.today().minusDays(1),
            InspectionResult.APPROVED);

    /** A municipality that accepts ASB with a decided number for this year and nothing used. */
    void acceptingMunicipality(String number, int decided, int capPercent) {
        fixtures.resetMunicipality(number);
        fixtures.decide(number, TestClock.today().getYear(), decided, 0);
        settings.save(fixtures.caseworker(), number, true, "Privat leiemarked, maks husleie etter bostøttereglene.", null, capPercent)
                .value();
    }

    /** A household whose permit was granted two days ago, with {@code children} children. */
    long household(String centreMunicipality, int children) {
        return fixtures.household(fixtures.centre(centreMunicipality), children, TestClock.today().minusDays(2));
    }

    Actor refugeeOf(long caseId) {
        String duf = jdbc.sql("select duf_number from person where case_id = :c and relation = 'MAIN'").param("c", caseId)
                .query(String.class).single();
        return Actor.refugee(duf, "Testa Testesen");
    }

    RequestData dwelling(String municipality) {
        return new RequestData(municipality, "Testveien " + Fixtures.next(), "Privat Utleier", "utleier@example.no",
                TestClock.today(), 11_000, 3);
    }

    /** A request registered by the refugee and forwarded by the municipality with a complete checklist. */
    long forwarded(long caseId, String municipality) {
        long id = registrations.register(refugeeOf(caseId), null, dwelling(municipality)).value();
        checks.forward(fixtures.municipality(municipality), id, COMPLETE).value();
        return id;
    }

    long importHousehold(PermitImport permitImport, PermitType type, LocalDate birthDate, String municipality) {
        ImportOutcome outcome = permitImport.importPermit(new PermitImportRequest("TEST-" + Fixtures.next(), type,
                TestClock.today().minusDays(2), LivingSituation.RECEPTION_CENTRE, fixtures.centre(municipality), null,
                List.of(new PermitImportRequest.PersonData(Fixtures.duf(), null, null, "Ung", "Testesen", birthDate, "M", "AFG",
                        Relation.MAIN, null, null))), fixtures.caseworker());
        return outcome.caseId();
    }

    static <T> T ok(CommandResult<T> result) {
        return result.value();
    }
}
