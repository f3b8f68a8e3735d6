package no.bosetting.grants.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseReferences;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.PersonView;
import no.bosetting.grants.AdditionalGrants;
import no.bosetting.grants.GrantPayments;
import no.bosetting.grants.GrantRate;
import no.bosetting.grants.GrantRates;
import no.bosetting.grants.GrantSchedules;
import no.bosetting.grants.GrantViews;
import no.bosetting.grants.ScheduleLine;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.export.TableExport;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The municipality's grant page and the person's schedule, shown to the municipality's officer (own municipality) and
 * to the agency (any); names are read from the cases, and every read of a person is logged.
 */
@Component
class GrantPageSupport {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final GrantViews views;
    private final GrantSchedules schedules;
    private final GrantPayments payments;
    private final GrantRates rates;
    private final CaseQueries cases;
    private final CaseReferences references;
    private final PersonAccessLog accessLog;
    private final Municipalities municipalities;
    private final Messages messages;
    private final AdditionalGrants additional;

    GrantPageSupport(GrantViews views, GrantSchedules schedules, GrantPayments payments, GrantRates rates,
                     CaseQueries cases, CaseReferences references,
                     PersonAccessLog accessLog, Municipalities municipalities, Messages messages, AdditionalGrants additional) {
        this.additional = additional;
        this.views = views;
        this.schedules = schedules;
        this.payments = payments;
        this.rates = rates;
        this.cases = cases;
        this.references = references;
        this.accessLog = accessLog;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    /** A person row with the name and case reference the page shows. */
    record NamedRow(GrantViews.PersonRow row, String name, String reference) {
    }

    /**
     * Fills the municipality's page from the stored schedules: every change they depend on (acceptance, settlement, a
     * planned or corrected date, a household change, a move) recomputes them when it happens, so a read writes nothing.
     */
    String municipalityPage(Model model, Actor actor, String number, Map<String, String> query, String base, String personBase) {
        int first = views.firstYear();
        PageRequest request = PageRequest.inFixedOrder(query);
        List<GrantViews.PersonRow> rows = views.municipalityPersons(number, first, request.offset(), request.size());
        model.addAttribute("municipalityName", municipalities.name(number));
        model.addAttribute("number", number);
        model.addAttribute("years", years(first));
        model.addAttribute("sums", views.municipalityYears(number, first));
        model.addAttribute("persons", request.result(named(rows, actor), views.countPersons(number, first), Map.of()));
        model.addAttribute("ratesUsed", views.ratesUsed(number, first));
        model.addAttribute("missingRates", views.missingRates(number, first));
        model.addAttribute("base", base);
        model.addAttribute("personBase", personBase);
        return "grants/municipality";
    }

    private List<NamedRow> named(List<GrantViews.PersonRow> rows, Actor actor) {
        Map<Long, CaseReferences.NameAndReference> found = references.namesAndReferences(rows.stream().map(GrantViews.PersonRow::personId).distinct().toList());
        List<Long> shown = rows.stream().map(GrantViews.PersonRow::personId)
                .filter(id -> found.containsKey(id) && found.get(id).fullName() != null).distinct().toList();
        if (!shown.isEmpty()) {
            accessLog.recordRead(actor, shown, "grants");
        }
        return rows.stream().map(r -> {
            CaseReferences.NameAndReference person = found.get(r.personId());
            return person == null ? new NamedRow(r, "–", "")
                    : new NamedRow(r, person.fullName() == null ? "–" : person.fullName(), person.caseReference());
        }).toList();
    }

    static List<Integer> years(int first) {
        List<Integer> years = new ArrayList<>();
        for (int i = 0; i < GrantViews.YEARS; i++) {
            years.add(first + i);
        }
        return years;
    }

    /** The municipality's table for export: every person, the five years, the total. */
    TableExport.Table municipalityTable(String number, Actor actor) {
        int first = views.firstYear();
        List<GrantViews.PersonRow> rows = views.municipalityPersons(number, first, 0, Integer.MAX_VALUE);
        List<String> headers = new ArrayList<>(List.of(text("grants.csv.municipalityNumber"), text("grants.csv.reference"),
                text("grants.csv.personId"), text("grants.csv.name"), text("grants.category"), text("grants.settledOn"),
                text("grants.plannedOn"), text("grants.csv.expected")));
        years(first).forEach(y -> headers.add(String.valueOf(y)));
        headers.add(text("grants.total"));
        List<List<Object>> out = new ArrayList<>();
        for (NamedRow n : named(rows, actor)) {
            GrantViews.PersonRow r = n.row();
            List<Object> row = new ArrayList<>(List.of(number, n.reference(), r.personId(), n.name(),
                    r.category() == null ? "" : text("grants.category." + r.category().name()),
                    r.settledOn() == null ? "" : r.settledOn().toString(), r.plannedOn() == null ? "" : r.plannedOn().toString(),
                    text(r.expected() ? "form.yes" : "form.no")));
            row.addAll(r.amounts());
            row.add(r.total());
            out.add(row);
        }
        return new TableExport.Table("tilskudd-" + number, headers, out);
    }

    /** The person's schedule page; empty when the actor may not see it (the caller answers 404). */
    Optional<String> personPage(Model model, Actor actor, long personId, String municipalityScope) {
        Optional<Long> caseId = schedules.caseOf(personId);
        if (municipalityScope != null && !schedules.concerns(personId, municipalityScope)) {
            return Optional.empty();
        }
        Optional<GrantSchedules.Snapshot> current = schedules.current(personId);
        Optional<PersonView> person = caseId.flatMap(c -> cases.members(c).stream().filter(m -> m.id() == personId).findFirst());
        person.ifPresent(p -> accessLog.recordRead(actor, List.of(p.id()), "grants"));
        model.addAttribute("person", person.orElse(null));
        model.addAttribute("reference", caseId.flatMap(cases::summaryForSystem).map(CaseSummary::reference).orElse(null));
        model.addAttribute("snapshot", current.orElse(null));
        List<ScheduleLine> lines = current.map(s -> schedules.lines(s.id())).orElse(List.of());
        model.addAttribute("lines", lines);
        model.addAttribute("history", schedules.history(personId));
        model.addAttribute("paid", payments.paidFor(personId));
        Map<Long, GrantRate> used = new HashMap<>();
        lines.stream().map(ScheduleLine::rateId).filter(id -> id != null).distinct().forEach(id -> rates.find(id).ifPresent(r -> used.put(id, r)));
        model.addAttribute("rateById", used);
        model.addAttribute("total", lines.stream().map(ScheduleLine::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("municipalityNames", namesOf(lines));
        model.addAttribute("disability", additional.disability(personId).orElse(null));
        model.addAttribute("canGrant", municipalityScope == null && GrantRates.mayEdit(actor) && current.map(s -> s.settledOn() != null).orElse(false));
        model.addAttribute("personId", personId);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        return Optional.of("grants/person");
    }

    private Map<String, String> namesOf(List<ScheduleLine> lines) {
        Map<String, String> names = new HashMap<>();
        lines.forEach(l -> names.computeIfAbsent(l.municipalityNumber(), municipalities::name));
        return names;
    }

    String text(String key, Object... args) {
        return messages.get(key, args);
    }

    static ResponseEntity<byte[]> csv(TableExport.Table table, String filename) {
        return download(TableExport.csv(table).getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv", StandardCharsets.UTF_8), filename);
    }

    static ResponseEntity<byte[]> xlsx(TableExport.Table table, String filename) {
        return download(TableExport.xlsx(table), XLSX, filename);
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString()).body(body);
    }
}
