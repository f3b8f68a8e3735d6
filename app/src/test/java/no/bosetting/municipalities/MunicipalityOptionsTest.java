package no.bosetting.municipalities;

import no.bosetting.municipalities.web.MunicipalityOptions;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static no.bosetting.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 22 item 2: the municipality selects are written once, not evaluated option by option on every view; the page
 * still lists all 357 in number order, escaped, with the chosen one selected.
 */
@IntegrationTest
class MunicipalityOptionsTest {

    @Autowired
    MunicipalityOptions options;
    @Autowired
    Municipalities municipalities;
    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void everyMunicipalityOnceInNumberOrderWithTheChosenSelected() {
        String none = options.html(null);
        assertThat(none.split("<option ", -1)).hasSize(municipalities.all().size() + 1);
        assertThat(none).startsWith("<option value=\"0301\">0301 Oslo</option>").doesNotContain("selected");
        assertThat(options.html("4601")).contains("<option value=\"4601\" selected>4601 Bergen</option>")
                .containsOnlyOnce("selected");
        assertThat(options.html("9999")).as("an unknown number selects nothing").isEqualTo(none);
        assertThat(options.html("\"><script>")).isEqualTo(none);
    }

    @Test
    void theCaseListShowsTheChosenMunicipalitySelected() throws Exception {
        String page = mvc.perform(get("/saker").param("municipality", "4601").with(as(fixtures.caseworker())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<option value=\"4601\" selected>4601 Bergen</option>").contains("<option value=\"0301\">0301 Oslo</option>");
        assertThat(page.split("<option value=\"[0-9]{4}\"", -1)).hasSizeGreaterThan(municipalities.all().size());
    }

    /**
     * The interview form (one select) and its ties-and-needs page (five selects, 1,785 options) write the options once too:
     * run 4 of h22-load had 23 % of the interview page's CPU in the per-option {@code th:selected} comparisons. Thymeleaf's
     * own loop would write {@code selected="selected"}; the options written once write {@code selected>}.
     */
    @Test
    void theInterviewPagesWriteTheMunicipalitiesOnceKeepingWhatWasChosen() throws Exception {
        long centre = fixtures.centre("4601");
        long caseId = fixtures.household(centre, 0);
        String form = mvc.perform(post("/saker/" + caseId + "/samtale").with(csrf()).with(as(fixtures.reception(centre)))
                        .param("familyInNorway", "Bror i Bergen").param("familyMunicipalityNumber", "4601"))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<option value=\"4601\" selected>4601 Bergen</option>").doesNotContain("selected=\"selected\"");
        assertThat(form.split("<option value=\"[0-9]{4}\"", -1)).hasSizeGreaterThan(municipalities.all().size());

        long ready = fixtures.household(centre, 0);
        fixtures.ready(ready); // the ties are recorded after the interview
        String ties = mvc.perform(post("/saker/" + ready + "/samtale/tilknytning").with(csrf()).with(as(fixtures.caseworker()))
                        .param("jobMunicipality", "1103"))
                .andReturn().getResponse().getContentAsString();
        assertThat(ties).contains("<option value=\"1103\" selected>1103 Stavanger</option>").doesNotContain("selected=\"selected\"");
        assertThat(ties.split("<option value=\"[0-9]{4}\"", -1)).hasSizeGreaterThan(5 * municipalities.all().size());
    }
}
