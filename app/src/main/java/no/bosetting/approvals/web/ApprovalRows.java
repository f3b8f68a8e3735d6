package no.bosetting.approvals.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import no.bosetting.access.Actor;
import no.bosetting.approvals.Approval;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.decisions.PlaceRule;
import no.bosetting.decisions.PlacesUsed;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.proposals.ProposalRow;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.web.NumberFormat;
import no.bosetting.shared.web.TimeFormat;
import org.springframework.stereotype.Component;

/** What a proposal would change, as labelled rows for the approver (every label and code through a message key). */
@Component
class ApprovalRows {

    /** One row: a label key and either a plain text or a message key for the value. */
    record Row(String labelKey, String text, String textKey) {
        static Row text(String label, String text) {
            return new Row(label, text == null || text.isBlank() ? "–" : text, null);
        }

        static Row key(String label, String key) {
            return new Row(label, null, key);
        }
    }

    private final CaseQueries cases;
    private final Proposals proposals;
    private final PlaceRule places;
    private final Municipalities municipalities;
    private final TimeFormat time;
    private final NumberFormat numbers;

    ApprovalRows(CaseQueries cases, Proposals proposals, PlaceRule places, Municipalities municipalities, TimeFormat time,
                 NumberFormat numbers) {
        this.cases = cases;
        this.proposals = proposals;
        this.places = places;
        this.municipalities = municipalities;
        this.time = time;
        this.numbers = numbers;
    }

    List<Row> rows(Approval a) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.key("approval.kind", "approval.kind." + a.kind()));
        String municipality = cases.summaryForSystem(a.caseId()).map(CaseSummary::settlementMunicipality).map(municipalities::name).orElse(null);
        switch (a.kind()) {
            case CLOSE_CASE -> {
                rows.add(Row.key("approval.change", "approval.change.CLOSE_CASE"));
                rows.add(Row.key("case.closeReason", "close." + a.in("closeReason")));
                rows.add(Row.text("approval.text", a.in("text")));
            }
            case WITHDRAW_OFFER -> {
                rows.add(Row.key("approval.change", "approval.change.WITHDRAW_OFFER"));
                rows.add(Row.text("approval.municipality", municipality));
                rows.add(Row.text("approval.reason", a.in("reason")));
            }
            case RECONSIDERATION_OUTCOME -> {
                rows.add(Row.key("approval.change", "approval.change." + a.in("outcome")));
                rows.add(Row.text("approval.municipality", municipality));
                rows.add(Row.text("approval.reason", a.in("reason")));
                if (a.in("alternative") != null && !a.in("alternative").isBlank()) {
                    rows.add(Row.text("approval.alternative", a.in("alternative")));
                }
            }
            case BEYOND_PLACES -> {
                rows.add(Row.key("approval.change", "approval.change.BEYOND_PLACES"));
                ProposalRow p = proposals.find(a.subjectId(), Actor.system()).orElse(null);
                TreeSet<LocalDate> dates = new TreeSet<>();
                a.input().forEach((k, v) -> {
                    if (k.startsWith("planned.") && v != null && !v.isBlank()) {
                        dates.add(LocalDate.parse(v));
                    }
                });
                if (p != null) {
                    rows.add(Row.text("approval.municipality", p.municipalityName()));
                    rows.add(Row.text("approval.persons", numbers.whole(p.persons())));
                    if (!dates.isEmpty()) {
                        PlacesUsed used = places.placesUsed(p.municipalityNumber(), dates.first().getYear());
                        // Places used and left as the place rule counts them (PlacesUsed.remaining), never computed here.
                        rows.add(Row.text("approval.placesUsed", numbers.whole(used.used()) + " / "
                                + (used.remaining() == null ? "–" : numbers.whole(used.remaining()))));
                    }
                }
                rows.add(Row.text("approval.planned", dates.stream().map(time::date).reduce((x, y) -> x + ", " + y).orElse(null)));
                rows.add(Row.text("approval.overrideReason", a.in("overrideReason")));
            }
            case HOUSEHOLD_BEYOND_PLACES -> {
                boolean correction = "CORRECT_PERSON".equals(a.in("command"));
                rows.add(Row.key("approval.change", correction ? "approval.change.HOUSEHOLD_MINOR" : "approval.change.HOUSEHOLD_MEMBER"));
                rows.add(Row.text("approval.municipality", municipality));
                if (!correction) {
                    rows.add(Row.text("approval.member", a.in("givenName") + " " + a.in("familyName")));
                }
                rows.add(correction ? Row.text("approval.reason", a.in("reason")) : Row.text("approval.text", a.in("note")));
                rows.add(Row.text("approval.overrideReason", a.in("overrideReason")));
            }
            default -> throw new IllegalStateException(a.kind().name());
        }
        return rows;
    }
}
