package no.bosetting.shared.api;

import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The published API description covers every /api/v1 operation the application actually serves. */
@IntegrationTest
class OpenApiDocsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiOperationIsDocumentedWithProblemDetails() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Bosetting API"))
                .andExpect(jsonPath("$.info.version").value("v1"))
                .andExpect(jsonPath("$.components.schemas.Problem.properties.errors").exists())
                .andExpect(jsonPath("$.tags[*].name").value(hasItems("Permits", "Cases", "Interview", "Proposals", "Decisions", "Capacity", "Grants", "Introduction")))
                .andReturn().getResponse().getContentAsString();

        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/v1/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        served.add(method.name().toLowerCase() + " " + pattern);
                    }
                }
            }
        }
        assertThat(served).contains("post /api/v1/permits", "post /api/v1/permits/batch", "get /api/v1/cases",
                "get /api/v1/cases/{id}", "put /api/v1/cases/{caseId}/interview", "post /api/v1/cases/{id}/close",
                "post /api/v1/cases/{id}/move-out", "post /api/v1/allocation-lists", "get /api/v1/proposals",
                "get /api/v1/proposals/{id}", "post /api/v1/proposals/{id}/accept", "post /api/v1/proposals/{id}/reject",
                "post /api/v1/proposals/{id}/withdraw", "get /api/v1/cases/{caseId}/decisions",
                "put /api/v1/decisions/{id}/settlement-date", "post /api/v1/cases/{caseId}/decline",
                "put /api/v1/municipalities/{number}/capacity-decisions/{year}",
                "get /api/v1/municipalities/{number}/capacity-decisions/{year}",
                "get /api/v1/municipalities/{number}/places/{year}", "get /api/v1/grants/municipalities/{number}",
                "get /api/v1/grants/persons/{personId}", "get /api/v1/grants/cases/{caseId}", "get /api/v1/grants/payment-runs",
                "get /api/v1/grants/payment-runs/{id}", "get /api/v1/cases/{caseId}/introduction/{personId}",
                "put /api/v1/cases/{caseId}/introduction/{personId}/programme",
                "post /api/v1/cases/{caseId}/introduction/{personId}/periods",
                "post /api/v1/cases/{caseId}/introduction/{personId}/training",
                "put /api/v1/cases/{caseId}/introduction/{personId}/outcome", "get /api/v1/statistics/introduction");
        for (String operation : served) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            Object documented = JsonPath.read(docs, "$.paths['" + path + "']");
            assertThat(documented).as(operation).isNotNull();
            assertThat((Object) JsonPath.read(docs, "$.paths['" + path + "']." + method)).as(operation).isNotNull();
            assertThat((Object) JsonPath.read(docs, "$.paths['" + path + "']." + method + ".responses['422']")).as(operation).isNotNull();
            assertThat((java.util.List<?>) JsonPath.read(docs, "$.paths['" + path + "']." + method + ".tags")).as(operation).isNotEmpty();
        }
    }

    @Test
    void theDocumentNeedsNoLogin() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
    }
}
