package no.bosetting.decisions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.deadlines.DeadlineRule;
import no.bosetting.shared.deadlines.DueItem;
import no.bosetting.shared.deadlines.DueItem.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settlement dates that were never registered: a household accepted by a municipality whose planned
 * settlement date lies some days back while a member still has no actual settlement date. The
 * municipality's officers are reminded N days after the planned date (default 7); if it is still
 * missing later (default 14 days), the agency's caseworkers are told too. Registering the dates
 * resolves both.
 */
@Component
public class SettlementDateDeadlines implements DeadlineRule {

    public static final String CODE = "settlement-date";
    // Why the date matters, said in every reminder (work.settlementDate.*.detail): the grant is paid from the registered
    // date (report 000 lines 3669–3673, 3691–3694: "dere må gjøre det for at integreringstilskuddet skal bli utbetalt").
    private static final DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final int municipalityDays;
    private final int agencyDays;
    private final no.bosetting.shared.Words words;

    public SettlementDateDeadlines(JdbcClient jdbc, Municipalities municipalities,
                                   @Value("${bosetting.deadlines.settlement-date.municipality-days:7}") int municipalityDays,
                                   @Value("${bosetting.deadlines.settlement-date.agency-days:14}") int agencyDays,
                                   no.bosetting.shared.Words words) {
        this.words = words;
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.municipalityDays = municipalityDays;
        this.agencyDays = agencyDays;
    }

    @Override
    public String code() {
        return CODE;
    }

    private record Missing(long caseId, String reference, String municipalityNumber, LocalDate planned, int persons) {
    }

    @Override
    public List<DueItem> evaluate(LocalDate today) {
        List<Missing> missing = jdbc.sql("""
                select d.case_id, c.reference, d.municipality_number, min(d.planned_settlement_date), count(*)
                from settlement_decision d join settlement_case c on c.id = d.case_id
                where d.status = 'OFFERED' and d.settlement_date is null and d.planned_settlement_date <= :latest
                group by d.case_id, c.reference, d.municipality_number
                order by d.case_id
                """)
                .param("latest", today.minusDays(Math.min(municipalityDays, agencyDays)))
                .query((rs, n) -> new Missing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getInt(5)))
                .list();
        List<DueItem> items = new ArrayList<>();
        for (Missing m : missing) {
            String key = "case:" + m.caseId();
            String link = "/saker/" + m.caseId();
            String planned = DATE.format(m.planned());
            String persons = String.valueOf(m.persons());
            String plural = m.persons() == 1 ? ".one" : ".other";
            String name = municipalities.name(m.municipalityNumber());
            if (!today.isBefore(m.planned().plusDays(municipalityDays))) {
                items.add(DueItem.worded(words, key, "municipality", "municipality:" + m.municipalityNumber(),
                        Text.of("work.settlementDate.municipality", m.reference()),
                        Text.of("work.settlementDate.municipality.detail" + plural, planned, persons), m.caseId(), m.planned(), link));
            }
            if (!today.isBefore(m.planned().plusDays(agencyDays))) {
                items.add(DueItem.worded(words, key, "escalated", "agency", Text.of("work.settlementDate.escalated", m.reference(), name),
                        Text.of("work.settlementDate.escalated.detail" + plural, name, persons, planned), m.caseId(), m.planned(), link));
            }
        }
        return items;
    }
}
