package no.bosetting;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.support.Fixtures;
import no.bosetting.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 22 item 7: the business flow's metrics for Prometheus, and health groups for each part that can stop. */
@IntegrationTest
class OperationsEndpointsTest {

    @Autowired
    MockMvc mvc;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void prometheusScrapesTheBusinessFlowFromTheOperationsNetwork() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(from("127.0.0.1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("bosetting_outbox_backlog")))
                .andExpect(content().string(containsString("bosetting_outbox_gave_up")))
                .andExpect(content().string(containsString("bosetting_proposals_sent_total")))
                .andExpect(content().string(containsString("bosetting_proposals_answered_total{application=\"bosetting\",timing=\"late\"}")))
                .andExpect(content().string(containsString("bosetting_proposals_answers_overdue")))
                .andExpect(content().string(containsString("bosetting_scheduler_runs_total{application=\"bosetting\",outcome=\"completed\"}")))
                .andExpect(content().string(containsString("http_server_requests")));
    }

    @Test
    void metricsAreNotPublic() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(from("203.0.113.9"))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/prometheus").with(from("203.0.113.9"))
                        .with(Fixtures.as(new Actor("saksbehandler", "Saksbehandler", Role.AGENCY_CASEWORKER, null, null))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(from("203.0.113.9"))
                        .with(Fixtures.as(new Actor("admin", "Admin", Role.AGENCY_ADMIN, null, null))))
                .andExpect(status().isOk());
    }

    @Test
    void healthGroupsForTheDatabaseTheOutboxAndTheScheduler() throws Exception {
        mvc.perform(get("/actuator/health/database")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/outbox")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.outboxDispatcher.details.backlog").isNumber());
        mvc.perform(get("/actuator/health/scheduler")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.deadlineScheduler.details.scheduler").value("disabled")); // off in tests
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }
}
