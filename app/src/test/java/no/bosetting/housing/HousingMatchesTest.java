package no.bosetting.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.allocation.engine.Municipality;
import no.bosetting.support.IntegrationTest;
import no.bosetting.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Suggestions fit the household's rooms and accessibility needs; capacity by size reaches planning. */
@IntegrationTest
class HousingMatchesTest extends HousingIntegrationTest {

    private static final String ALSTAHAUG = "1820";
    private static final String ARENDAL = "4203";
    private static final String MOSS = "3103";

    @Autowired
    HousingMatches matches;
    @Autowired
    HousingCapacity capacity;
    @Autowired
    HousingNeeds needs;

    @Test
    void roomsNeededFollowSizeAndComposition() {
        assertThat(DwellingSize.roomsNeeded(1, 0, false)).isEqualTo(1);
        assertThat(DwellingSize.roomsNeeded(2, 0, true)).isEqualTo(2);
        assertThat(DwellingSize.roomsNeeded(2, 1, false)).isEqualTo(3);
        assertThat(DwellingSize.roomsNeeded(6, 4, true)).isEqualTo(4);
        assertThat(DwellingSize.personsHoused(4)).isGreaterThanOrEqualTo(6);
        assertThat(HousingMatches.mentionsAccessibility("Bruker rullestol")).isTrue();
        assertThat(HousingMatches.mentionsAccessibility("Trenger bolig på bakkeplan")).isTrue();
        assertThat(HousingMatches.mentionsAccessibility("Vegetar")).isFalse();
    }

    @Test
    void suggestionsRespectRoomsAndAccessibility() throws Exception {
        Actor officer = officer(ALSTAHAUG);
        // One adult and three children need a living room, one bedroom for the adult and two for the children.
        long plain = acceptedHousehold(ALSTAHAUG, 3, null);
        long wheelchair = acceptedHousehold(ALSTAHAUG, 3, "Et av barna bruker rullestol");
        long tooSmall = dwelling(officer, 3, true, 100);
        long exactFar = dwelling(officer, 4, false, 3_000);
        long exactNear = dwelling(officer, 4, false, 400);
        long largerAccessible = dwelling(officer, 5, true, 900);
        long wastefullyLarge = dwelling(officer, 8, true, 100);

        List<Long> forPlain = ids(matches.suggestions(officer, plain));
        assertThat(forPlain).containsExactly(exactNear, exactFar, largerAccessible);
        assertThat(forPlain).doesNotContain(tooSmall, wastefullyLarge);
        assertThat(matches.suggestions(officer, plain).get(0).reasons()).contains("housing.match.roomsExact", "housing.match.nearSchool");

        assertThat(ids(matches.suggestions(officer, wheelchair))).containsExactly(largerAccessible);

        mvc.perform(get("/kommune/boliger/husstand/{id}", wheelchair).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + largerAccessible + "\"")));
        mvc.perform(post("/kommune/boliger/husstand/{id}/reserver", wheelchair).with(as(officer)).with(csrf())
                        .param("dwellingId", String.valueOf(largerAccessible)))
                .andExpect(redirectedUrl("/kommune/boliger/husstand/" + wheelchair));
        Dwelling reserved = dwellings.find(officer, largerAccessible).orElseThrow();
        assertThat(reserved.status()).isEqualTo(DwellingStatus.RESERVED);
        assertThat(reserved.reservedCaseId()).isEqualTo(wheelchair);
        assertThat(reserved.daysVacant()).isNull();
        // A reserved dwelling is no longer suggested to anyone.
        assertThat(ids(matches.suggestions(officer, plain))).doesNotContain(largerAccessible);
    }

    @Test
    void capacityBySizeCountsVacantDwellingsAvailableWithinTheHorizon() throws Exception {
        Actor officer = officer(ARENDAL);
        Map<String, int[]> before = capacity.dwellingsByPersons(TestClock.today(), 6, Municipality.MAX_DWELLING_CLASS);
        int[] was = before.getOrDefault(ARENDAL, new int[Municipality.MAX_DWELLING_CLASS + 1]);
        dwelling(officer, 5, false, null);
        long later = dwellings.create(officer, new DwellingData("Senere " + System.nanoTime(), OwnerType.MUNICIPAL, DwellingType.HOUSE,
                5, 120, DwellingStandard.GOOD, false, null, null, null, null, TestClock.today().plusMonths(9), null, false)).value();
        int[] now = capacity.dwellingsByPersons(TestClock.today(), 6, Municipality.MAX_DWELLING_CLASS).get(ARENDAL);
        int eight = DwellingSize.personsHoused(5);
        assertThat(now[eight]).isEqualTo(was[eight] + 1);
        assertThat(capacity.dwellingsByPersons(TestClock.today(), 12, Municipality.MAX_DWELLING_CLASS).get(ARENDAL)[eight])
                .isEqualTo(was[eight] + 2);
        assertThat(later).isPositive();

        // The agency sees the same capacity by municipality; a municipality officer does not reach the overview.
        HousingCapacity.MunicipalityHousing arendal = capacity.overview(TestClock.today(), 6, 5).stream()
                .filter(h -> h.municipalityNumber().equals(ARENDAL)).findFirst().orElseThrow();
        assertThat(arendal.availableByRooms()[5]).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/kapasitet/boliger").with(as(fixtures.planner())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Arendal")));
        mvc.perform(get("/kapasitet/boliger").with(as(officer))).andExpect(status().isForbidden());
    }

    @Test
    void theHousingNeedSetsWaitingHouseholdsAgainstDwellingsBySizeAndCountsVacancyCost() throws Exception {
        Actor officer = officer(MOSS);
        acceptedHousehold(MOSS, 3, null);
        long reservedFor = acceptedHousehold(MOSS, 0, null);
        dwellings.reserve(officer, dwelling(officer, 1, false, null), reservedFor).value();
        dwelling(officer, 4, false, 300);
        dwellings.create(officer, new DwellingData("Snart ledig " + System.nanoTime(), OwnerType.MUNICIPAL, DwellingType.FLAT, 2, 50,
                DwellingStandard.GOOD, false, null, null, null, 8_000, TestClock.today().plusMonths(4), null, false)).value();

        HousingNeed need = needs.forMunicipality(officer);
        HousingNeed.Row four = need.rows().get(3);
        assertThat(four.rooms()).isEqualTo(4);
        assertThat(four.households()).isEqualTo(1);
        assertThat(four.availableNow()).isEqualTo(1);
        assertThat(four.availableIn6Months() - four.households()).isZero();
        assertThat(four.balance()).isEqualTo(-four.expected());
        HousingNeed.Row two = need.rows().get(1);
        assertThat(two.availableIn3Months()).isZero();
        assertThat(two.availableIn6Months()).isEqualTo(1);
        assertThat(need.rows().get(0).households()).as("a household with a reserved dwelling no longer waits").isZero();
        // The 4-room dwelling has been vacant for 10 days at 13 000 a month; the 2-room one is not vacant yet.
        assertThat(need.vacantRentPerMonth()).isEqualTo(13_000 + 8_000);
        assertThat(need.vacancyCostSoFar()).isEqualTo(13_000L * 10 / 30);
        assertThat(need.remainingPlaces()).isNotNull();

        mvc.perform(get("/kommune/boliger/behov").with(as(officer)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Boligbehov")));
        mvc.perform(get("/kommune/boliger/behov").with(as(officer)).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Housing need")));
    }

    private static List<Long> ids(List<Suggestion> suggestions) {
        return suggestions.stream().map(s -> s.dwelling().id()).toList();
    }

    @Test
    void householdsProposedButNotYetAnsweredCountAsExpected() {
        Actor officer = officer(MOSS);
        int before = needs.forMunicipality(officer).rows().get(0).expected();
        long centre = fixtures.centre(MOSS);
        long single = fixtures.household(centre, 0);
        fixtures.ready(single);
        fixtures.propose(single, MOSS);
        assertThat(needs.forMunicipality(officer).rows().get(0).expected()).isEqualTo(before + 1);
    }
}
