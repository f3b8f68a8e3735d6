package no.bosetting.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.UserAccounts;
import no.bosetting.cases.HouseholdChanges;
import no.bosetting.cases.IdentityKind;
import no.bosetting.cases.IdentityNumbers;
import no.bosetting.cases.JoinReason;
import no.bosetting.cases.PermitImport;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.PersonCorrections;
import no.bosetting.cases.Relation;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.Identifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The household changes in the demo (issue 20 item 10), made by the caseworker through the real commands after the
 * year is replayed: a reunified spouse arriving with a UDI permit of their own, a D-number replaced by a national
 * identity number, and a household split into two cases. Each picks the first demo household (by case id) that fits,
 * so the same seed gives the same changes.
 */
@Component
@Profile("!prod")
class HouseholdChangeDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UserAccounts users;
    private final PermitImport permits;
    private final HouseholdChanges changes;
    private final PersonCorrections corrections;
    private final IdentityNumbers identities;

    HouseholdChangeDemo(JdbcClient jdbc, Clock clock, UserAccounts users, PermitImport permits, HouseholdChanges changes,
                        PersonCorrections corrections, IdentityNumbers identities) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
        this.permits = permits;
        this.changes = changes;
        this.corrections = corrections;
        this.identities = identities;
    }

    /** Makes the three changes among the households whose permit reference starts with {@code prefix}. */
    void run(String prefix) {
        Optional<Actor> caseworker = users.findActor("saksbehandler");
        if (caseworker.isEmpty()) {
            return;
        }
        report("reunified member", reunifiedSpouse(prefix, caseworker.get()));
        report("national identity number", nationalIdentityNumber(prefix, caseworker.get()));
        report("split household", split(prefix, caseworker.get()));
    }

    private static void report(String what, Optional<? extends CommandResult<?>> result) {
        if (result.isEmpty()) {
            log.info("Demo household change ({}): no household fits", what);
        } else if (!result.get().isSuccess()) {
            log.info("Demo household change ({}) refused: {}", what, result.get().failure());
        }
    }

    /** A single adult's spouse arrives by family reunification: the permit row attaches the spouse to the case. */
    private Optional<CommandResult<long[]>> reunifiedSpouse(String prefix, Actor caseworker) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select c.reference, p.family_name, p.citizenship from settlement_case c join person p on p.case_id = c.id
                    and p.relation = 'MAIN'
                where c.permit_reference like :p and c.status in ('UNDER_MAPPING', 'READY_FOR_ALLOCATION')
                  and c.household_type in ('SINGLE_ADULT_WITH_CHILDREN', 'SINGLE_WOMAN', 'SINGLE_MAN')
                order by c.id limit 1
                """)
                .param("p", prefix + "%")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).optional()
                .map(c -> permits.importMember(c[0], new HouseholdChanges.NewMember(JoinReason.FAMILY_REUNIFICATION, "Andrij",
                        c[1], today.minusYears(38).withDayOfYear(100), "M", c[2], Relation.SPOUSE, freeDuf(today.getYear()), null,
                        null, PermitType.ASYLUM, today.minusDays(4), "DEMO-FG-" + c[0], "Kom til Norge ved familiegjenforening",
                        null), caseworker));
    }

    /** A member with a D-number gets a national identity number (fødselsnummer) from today; the D-number stays in the history. */
    private Optional<CommandResult<Void>> nationalIdentityNumber(String prefix, Actor caseworker) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select c.id, p.id, p.birth_date from settlement_case c join person p on p.case_id = c.id
                where c.permit_reference like :p and c.status in ('UNDER_MAPPING', 'READY_FOR_ALLOCATION', 'PROPOSED', 'OFFERED')
                  and p.d_number is not null and p.national_id is null and p.removed_on is null and c.permit_date < :before
                order by c.id, p.id limit 1
                """)
                .param("p", prefix + "%").param("before", today.minusDays(7))
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)}).optional()
                .flatMap(r -> freeNationalId((LocalDate) r[2]).map(nin -> corrections.registerIdentity((Long) r[0], (Long) r[1],
                        IdentityKind.NATIONAL_ID, nin, today, "Fødselsnummer tildelt av Skatteetaten", caseworker)));
    }

    /** A household of two adults and children splits: the second adult and the youngest child get a case of their own. */
    private Optional<CommandResult<Long>> split(String prefix, Actor caseworker) {
        LocalDate adult = LocalDate.now(clock).minusYears(18);
        return jdbc.sql("""
                select c.id, a.id, k.id from settlement_case c
                join person a on a.case_id = c.id and a.relation <> 'MAIN' and a.birth_date <= :adult and a.removed_on is null
                join lateral (select id from person where case_id = c.id and relation = 'CHILD' and removed_on is null
                              order by birth_date desc, id desc limit 1) k on true
                where c.permit_reference like :p and c.status in ('UNDER_MAPPING', 'READY_FOR_ALLOCATION') and c.persons >= 4
                order by c.id, a.id limit 1
                """)
                .param("p", prefix + "%").param("adult", adult)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).optional()
                .map(r -> changes.split(r[0], List.of(r[1], r[2]), r[1], "Samlivsbrudd: flytter hver for seg", caseworker));
    }

    private String freeDuf(int year) {
        for (int i = 0; ; i++) {
            String duf = String.format("%04d%08d", year, 99_000_000 + i);
            if (!identities.isTaken(duf)) {
                return duf;
            }
        }
    }

    /** A national identity number for the birth date that nobody has, with valid control digits. */
    private Optional<String> freeNationalId(LocalDate birth) {
        int from = birth.getYear() >= 2000 ? 500 : 0;
        String date = String.format("%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100);
        for (int individual = from + 123; individual < from + 500; individual++) {
            String nin = Identifiers.withCheckDigits(date + String.format("%03d", individual));
            if (nin != null && !identities.isTaken(nin)) {
                return Optional.of(nin);
            }
        }
        return Optional.empty();
    }
}
