package no.bosetting.interview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.LivingSituation;
import no.bosetting.shared.deadlines.DeadlineRule;
import no.bosetting.shared.deadlines.DueItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The task to hold the settlement interview, as a work item (report 004 lines 29–31: IMDi tells the reception centre
 * that it may hold the settlement interview). Every case under mapping without a recorded interview is reported: to
 * the reception centre the household lives in, or, for a household living privately, to the municipality it lives in
 * (report 000 around lines 3651–3667), otherwise to the agency. A case comes into mapping at the permit's import, or for
 * a private resident when the application is accepted. The item goes away when the interview is recorded.
 */
@Configuration(proxyBeanMethods = false)
class InterviewWorkItems {

    /** Days from coming into mapping to the interview. */
    static final int DAYS = 21;

    static final String CODE = "settlement-interview";

    @Bean
    DeadlineRule settlementInterviewTask(CaseQueries cases, Interviews interviews, no.bosetting.shared.Words words) {
        return new DeadlineRule() {
            @Override
            public String code() {
                return CODE;
            }

            @Override
            public List<DueItem> evaluate(LocalDate today) {
                List<CaseQueries.InMapping> mapping = cases.inMapping();
                Map<Long, InterviewAnswers> held = interviews.answersFor(mapping.stream().map(CaseQueries.InMapping::caseId).toList());
                List<DueItem> items = new ArrayList<>();
                for (CaseQueries.InMapping c : mapping) {
                    if (held.containsKey(c.caseId())) {
                        continue;
                    }
                    String recipient = recipient(c);
                    items.add(DueItem.worded(words, "case:" + c.caseId(), "interview", recipient,
                            DueItem.Text.of("work.interview", c.reference()),
                            DueItem.Text.of(recipient.startsWith("municipality:") ? "work.interview.private" : "work.interview.permit"),
                            c.caseId(), c.mappingSince().plusDays(DAYS), "/saker/" + c.caseId() + "/samtale"));
                }
                return items;
            }
        };
    }

    /** Who holds the interview: the centre the household lives in, the municipality of a private resident, else the agency. */
    static String recipient(CaseQueries.InMapping c) {
        if (c.receptionCentreId() != null
                && (c.livingSituation() == LivingSituation.RECEPTION_CENTRE || c.livingSituation() == LivingSituation.EMERGENCY_ACCOMMODATION)) {
            return "reception:" + c.receptionCentreId();
        }
        if (c.livingSituation() == LivingSituation.PRIVATE && c.livingMunicipalityNumber() != null) {
            return "municipality:" + c.livingMunicipalityNumber();
        }
        return "agency";
    }
}
