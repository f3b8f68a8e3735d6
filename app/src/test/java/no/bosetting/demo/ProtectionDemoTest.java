package no.bosetting.demo;

import no.bosetting.access.Actor;
import no.bosetting.access.ProtectionDesignation;
import no.bosetting.access.Role;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.AddressProtection;
import no.bosetting.cases.ProtectedAddress;
import no.bosetting.concerns.ConcernReport;
import no.bosetting.concerns.ConcernReports;
import no.bosetting.concerns.Referral;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18 items 3 and 4 in the demo: a concern report with its referral and answer, and a protected household. */
@IntegrationTest
class ProtectionDemoTest {

    @Autowired
    ProtectionDemo demo;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccounts users;
    @Autowired
    ProtectionDesignation designation;
    @Autowired
    ConcernReports reports;
    @Autowired
    ProtectedAddress protection;

    @Test
    void theDemoWritesAReferredAndAnsweredConcernReportAndMarksAProtectedAddress() {
        Actor designated = new Actor("vern-demo-test", "Test Vern", Role.AGENCY_CASEWORKER, null, null);
        users.createIfMissing(designated, null, null);
        designation.designate(designated.username(), true);
        ProtectionDemo.Shown shown = demo.run(919, fixtures.caseworker(), fixtures.reception(fixtures.centre("3403")), designated);

        ConcernReport report = reports.read(designated, shown.reportId(), "test").orElseThrow();
        assertThat(report.referral()).isEqualTo(Referral.COMPETENCE_TEAM);
        assertThat(report.answered()).isTrue();
        assertThat(report.unsuitableMunicipalities()).containsExactly("3205");
        assertThat(protection.level(shown.protectedCase())).contains(AddressProtection.STRENGT_FORTROLIG);
        assertThat(protection.hides(fixtures.caseworker(), shown.protectedCase())).isTrue();
        assertThat(protection.hides(designated, shown.protectedCase())).isFalse();
    }
}
