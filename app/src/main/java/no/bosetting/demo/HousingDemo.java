package no.bosetting.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseSummary;
import no.bosetting.housing.DwellingData;
import no.bosetting.housing.DwellingFilter;
import no.bosetting.housing.DwellingStandard;
import no.bosetting.housing.DwellingType;
import no.bosetting.housing.Dwellings;
import no.bosetting.housing.HousingMatches;
import no.bosetting.housing.OwnerType;
import no.bosetting.shared.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The housing work as municipalities do it (issue 16 point 13): each demo municipality, and each municipality with
 * accepted demo households waiting to be settled, registers its dwellings through {@link Dwellings#create} — a small
 * stock of its own plus one dwelling fitting each waiting household — and reserves a dwelling for every third
 * household through {@link Dwellings#reserve}. So "Ledige boliger som passer" shows vacant dwellings that fit, and
 * some households already have theirs. A refusal is logged, never thrown.
 */
@Component
class HousingDemo {

    private static final Logger log = LoggerFactory.getLogger(HousingDemo.class);
    private static final String[] STREETS = {"Storgata", "Kirkeveien", "Skolegata", "Parkveien", "Fjordgata", "Løvstien",
            "Bjørkeveien", "Sjøgata"};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Dwellings dwellings;
    private final HousingMatches matches;

    HousingDemo(JdbcClient jdbc, Clock clock, Dwellings dwellings, HousingMatches matches) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dwellings = dwellings;
        this.matches = matches;
    }

    void run(String prefix) {
        Set<String> municipalities = new LinkedHashSet<>();
        DemoCatalogue.LOGINS.stream().filter(l -> l.municipalityNumber() != null).forEach(l -> municipalities.add(l.municipalityNumber()));
        municipalities.addAll(jdbc.sql("""
                select distinct settlement_municipality from settlement_case
                where permit_reference like :p and status = 'OFFERED' and settlement_municipality is not null
                order by settlement_municipality limit 40
                """).param("p", prefix + "%").query(String.class).list());
        LocalDate today = LocalDate.now(clock);
        int created = 0;
        int reserved = 0;
        int refused = 0;
        int seen = 0; // across municipalities, so some wait with a dwelling reserved and some without, however few there are
        for (String municipality : municipalities) {
            Actor officer = DemoCatalogue.LOGINS.stream()
                    .filter(l -> municipality.equals(l.municipalityNumber())).findFirst()
                    .map(l -> new Actor(l.username(), l.displayName(), Role.MUNICIPALITY_OFFICER, municipality, null))
                    .orElse(new Actor("kommune-" + municipality, "Kommune " + municipality, Role.MUNICIPALITY_OFFICER, municipality, null));
            if (!dwellings.list(officer, DwellingFilter.none()).isEmpty()) {
                continue;
            }
            int n = 0;
            // The municipality's own stock: a bedsit, a two-room flat, a three-room flat and an accessible ground-floor flat.
            int[][] stock = {{1, 28}, {2, 48}, {3, 70}, {2, 55}};
            for (int[] s : stock) {
                boolean accessible = n == 3;
                if (add(officer, dwelling(n++, s[0], s[1], accessible, today.minusDays(10L + n * 7L)))) {
                    created++;
                } else {
                    refused++;
                }
            }
            List<CaseSummary> waiting = matches.awaitingHousing(officer);
            List<long[]> toReserve = new ArrayList<>();
            for (int i = 0; i < waiting.size() && i < 30; i++) {
                CaseSummary household = waiting.get(i);
                int rooms = HousingMatches.roomsNeeded(household);
                boolean accessible = matches.needsAccessibleDwelling(household.id());
                CommandResult<Long> dwelling = dwellings.create(officer, dwelling(n++, rooms, 25 + rooms * 22, accessible, today.minusDays(3L + i)));
                if (!dwelling.isSuccess()) {
                    refused++;
                    continue;
                }
                created++;
                if (seen++ % 3 == 1) {
                    toReserve.add(new long[] {dwelling.value(), household.id()});
                }
            }
            // Every third household (the second, fifth, …) already has its dwelling reserved; the others are shown the vacant
            // ones that fit.
            for (long[] pair : toReserve) {
                if (dwellings.reserve(officer, pair[0], pair[1]).isSuccess()) {
                    reserved++;
                } else {
                    refused++;
                }
            }
        }
        log.info("Demo housing: {} dwellings registered in {} municipalities, {} reserved for accepted households, {} refused",
                created, municipalities.size(), reserved, refused);
    }

    private boolean add(Actor officer, DwellingData data) {
        CommandResult<Long> result = dwellings.create(officer, data);
        if (!result.isSuccess()) {
            log.info("Demo housing: dwelling refused in {}: {}", officer.municipalityNumber(), result.failure());
        }
        return result.isSuccess();
    }

    private static DwellingData dwelling(int n, int rooms, int area, boolean accessible, LocalDate availableFrom) {
        DwellingType type = rooms == 1 ? DwellingType.BEDSIT : (rooms >= 4 ? DwellingType.TERRACED : DwellingType.FLAT);
        OwnerType owner = n % 3 == 2 ? OwnerType.PRIVATE_SUBLEASE : OwnerType.MUNICIPAL;
        String address = STREETS[n % STREETS.length] + " " + (3 + n * 2) + (accessible ? ", 1. etasje" : "");
        return new DwellingData(address, owner, type, rooms, area, n % 4 == 3 ? DwellingStandard.FAIR : DwellingStandard.GOOD,
                accessible, 400 + (n * 170) % 2200, 300 + (n * 90) % 900, 100 + (n * 60) % 500, 7000 + rooms * 2500,
                availableFrom, null, false);
    }
}
