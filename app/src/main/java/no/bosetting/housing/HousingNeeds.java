package no.bosetting.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.ProposalStatus;
import no.bosetting.proposals.Proposals;
import org.springframework.stereotype.Service;

/** The municipality's housing need: who waits for a dwelling of which size, and what is free when. */
@Service
public class HousingNeeds {

    /** Sizes are shown one by one up to this many rooms, larger ones together. */
    static final int LARGEST_CLASS = 5;
    /** One municipality charged the holding unit internal rent after two months vacant; the view flags the same. */
    public static final int LONG_VACANT_DAYS = 60;

    private final Dwellings dwellings;
    private final HousingMatches matches;
    private final SettlementDecisions decisions;
    private final Clock clock;
    private final Proposals proposals;
    private final CaseQueries cases;

    public HousingNeeds(Dwellings dwellings, HousingMatches matches, SettlementDecisions decisions, Clock clock,
                        Proposals proposals, CaseQueries cases) {
        this.proposals = proposals;
        this.cases = cases;
        this.dwellings = dwellings;
        this.matches = matches;
        this.decisions = decisions;
        this.clock = clock;
    }

    public HousingNeed forMunicipality(Actor actor) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return new HousingNeed(List.of(), null, 0, 0, 0);
        }
        LocalDate today = LocalDate.now(clock);
        int[] households = new int[LARGEST_CLASS + 1];
        for (CaseSummary c : matches.awaitingHousing(actor)) {
            if (dwellings.reservedFor(actor, c.id()).isEmpty()) {
                households[Math.min(LARGEST_CLASS, HousingMatches.roomsNeeded(c))]++;
            }
        }
        // Households proposed to the municipality and not yet answered will need a dwelling if accepted.
        int[] expected = new int[LARGEST_CLASS + 1];
        for (ProposalRow p : proposals.list(actor, null, ProposalStatus.PENDING, false, 1000)) {
            cases.summaryForSystem(p.caseId())
                    .ifPresent(c -> expected[Math.min(LARGEST_CLASS, HousingMatches.roomsNeeded(c))]++);
        }
        int[] now = new int[LARGEST_CLASS + 1];
        int[] in3 = new int[LARGEST_CLASS + 1];
        int[] in6 = new int[LARGEST_CLASS + 1];
        long rent = 0;
        long lost = 0;
        int longVacant = 0;
        for (Dwelling d : dwellings.list(actor, new DwellingFilter(DwellingStatus.VACANT, null, null, null))) {
            int size = Math.min(LARGEST_CLASS, d.rooms());
            if (!d.availableFrom().isAfter(today)) {
                now[size]++;
            }
            if (!d.availableFrom().isAfter(today.plusMonths(3))) {
                in3[size]++;
            }
            if (!d.availableFrom().isAfter(today.plusMonths(6))) {
                in6[size]++;
            }
            long days = d.daysVacant() == null ? 0 : d.daysVacant();
            if (d.monthlyRent() != null) {
                rent += d.monthlyRent();
                lost += d.monthlyRent() * days / 30;
            }
            if (days > LONG_VACANT_DAYS) {
                longVacant++;
            }
        }
        List<HousingNeed.Row> rows = new ArrayList<>();
        for (int rooms = 1; rooms <= LARGEST_CLASS; rooms++) {
            rows.add(new HousingNeed.Row(rooms, rooms == LARGEST_CLASS, households[rooms], expected[rooms], now[rooms], in3[rooms], in6[rooms]));
        }
        return new HousingNeed(rows, decisions.placesUsed(actor.municipalityNumber(), today.getYear()).remaining(), rent, lost,
                longVacant);
    }
}
