package no.bosetting.letters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.PersonAccessLog;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseDetail;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.PersonView;
import no.bosetting.decisions.DecisionStatus;
import no.bosetting.decisions.PlannedSettlementDateChanged;
import no.bosetting.decisions.SettlementDecision;
import no.bosetting.decisions.SettlementDecisions;
import no.bosetting.decisions.SettlementOffered;
import no.bosetting.interview.InterviewAnswers;
import no.bosetting.interview.Interviews;
import no.bosetting.interview.SettlementInterview;
import no.bosetting.letters.internal.LetterText;
import no.bosetting.letters.internal.PdfRenderer;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters of a settlement: the decision on settlement municipality to each person (bokmål plus
 * the person's language) and the letter to the municipality. Written in the deciding transaction,
 * versioned when a planned date changes (every version kept), sent through the outbox and the
 * {@link DigitalMailbox}, and downloadable by the agency, the municipality for its own accepted cases
 * and the person the letter is addressed to. Every download is logged as a read of the person.
 */
@Service
public class Letters {

    /** The outbox topic that sends a letter through the digital mailbox. */
    public static final String TOPIC = "LETTER_DISPATCH";

    private static final DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;
    private static final String COLUMNS = """
            l.id, l.kind, l.case_id, l.person_id, l.municipality_number, l.recipient, l.recipient_name, l.title, l.languages, l.language_basis,
            l.version, l.planned_date, l.created_at, l.created_by,
            (select string_agg(t.kind || '/' || t.language || ' v' || t.version, ', ' order by t.language = 'nb' desc, t.language)
               from letter_template_use u join letter_template t on t.id = u.template_id where u.letter_id = l.id) as templates,
            l.version = max(l.version) over (partition by l.kind, l.case_id, l.municipality_number, coalesce(l.decision_id, 0)) as current
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final SettlementDecisions decisions;
    private final Interviews interviews;
    private final Municipalities municipalities;
    private final LetterTemplates templates;
    private final PdfRenderer renderer;
    private final Outbox outbox;
    private final PersonAccessLog accessLog;

    public Letters(JdbcClient jdbc, Clock clock, CaseQueries cases, SettlementDecisions decisions, Interviews interviews,
                   Municipalities municipalities, LetterTemplates templates, PdfRenderer renderer, Outbox outbox,
                   PersonAccessLog accessLog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.decisions = decisions;
        this.interviews = interviews;
        this.municipalities = municipalities;
        this.templates = templates;
        this.renderer = renderer;
        this.outbox = outbox;
        this.accessLog = accessLog;
    }

    @EventListener
    public void onOffered(SettlementOffered event) {
        refresh(event.caseId(), event.actor());
    }

    @EventListener
    public void onPlannedDateChanged(PlannedSettlementDateChanged event) {
        refresh(event.caseId(), event.actor());
    }

    /**
     * Brings the case's letters up to date with its offered decisions: a first letter for a new decision,
     * a new version when its planned date changed; the municipality's letter follows. Returns the ids of
     * the letters written; each is queued for sending.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> refresh(long caseId, Actor actor) {
        List<SettlementDecision> offered = decisions.forCase(caseId).stream()
                .filter(d -> d.status() == DecisionStatus.OFFERED).toList();
        if (offered.isEmpty()) {
            return List.of();
        }
        CaseDetail detail = cases.detail(caseId, Actor.system(), "letters:generate").orElseThrow();
        Map<Long, PersonView> persons = new LinkedHashMap<>();
        detail.persons().forEach(p -> persons.put(p.id(), p));
        Optional<InterviewAnswers> interview = interviews.find(caseId).map(SettlementInterview::answers);
        String reference = detail.summary().reference();
        LocalDate today = LocalDate.now(clock);
        List<Long> written = new ArrayList<>();
        boolean changed = false;
        for (SettlementDecision d : offered) {
            Optional<Map.Entry<Integer, LocalDate>> latest = latest("decision_id = :id", Map.of("id", d.id()));
            if (latest.isPresent() && d.plannedSettlementDate().equals(latest.get().getValue())) {
                continue;
            }
            PersonView person = persons.get(d.personId());
            LanguageChoice choice = languagesFor(person.citizenship(), interview.orElse(null));
            int version = latest.map(e -> e.getKey() + 1).orElse(1);
            written.add(writeDecisionLetter(d, person, reference, choice, version, today, actor));
            changed = true;
        }
        Map<String, List<SettlementDecision>> byMunicipality = new LinkedHashMap<>();
        offered.forEach(d -> byMunicipality.computeIfAbsent(d.municipalityNumber(), m -> new ArrayList<>()).add(d));
        for (var entry : byMunicipality.entrySet()) {
            Optional<Map.Entry<Integer, LocalDate>> latest = latest("kind = 'MUNICIPALITY_AGREEMENT' and case_id = :c and municipality_number = :m",
                    Map.of("c", caseId, "m", entry.getKey()));
            if (latest.isPresent() && !changed) {
                continue;
            }
            int version = latest.map(e -> e.getKey() + 1).orElse(1);
            written.add(writeMunicipalityLetter(caseId, entry.getKey(), entry.getValue(), persons, reference, version, today, actor));
        }
        return written;
    }

    /** Which languages a person's decision is written in, and why; always bokmål first. */
    public record LanguageChoice(List<String> languages, String basis) {
    }

    static LanguageChoice languagesFor(String citizenship, InterviewAnswers interview) {
        if ("UKR".equals(citizenship)) {
            return new LanguageChoice(List.of("nb", "uk"), "CITIZENSHIP");
        }
        String spoken = interview == null ? "" : ((interview.languages() == null ? "" : interview.languages()) + " "
                + (interview.interpreterLanguage() == null ? "" : interview.interpreterLanguage())).toLowerCase(Locale.ROOT);
        if (spoken.contains("ukrain") || spoken.contains("українськ")) {
            return new LanguageChoice(List.of("nb", "uk"), "INTERVIEW");
        }
        if (spoken.contains("engelsk") || spoken.contains("english")) {
            return new LanguageChoice(List.of("nb", "en"), "INTERVIEW");
        }
        return new LanguageChoice(List.of("nb", "en"), "DEFAULT");
    }

    private Optional<Map.Entry<Integer, LocalDate>> latest(String where, Map<String, Object> params) {
        return jdbc.sql("select version, planned_date from letter where " + where + " order by version desc limit 1 for update")
                .params(params).query((rs, n) -> Map.entry(rs.getInt(1), rs.getObject(2, LocalDate.class))).optional();
    }

    private long writeDecisionLetter(SettlementDecision d, PersonView person, String reference, LanguageChoice choice,
                                     int version, LocalDate today, Actor actor) {
        String municipality = municipalities.name(d.municipalityNumber());
        Map<String, String> values = Map.of(
                "navn", person.fullName(), "fodselsdato", DATE.format(person.birthDate()), "duf", person.dufNumber(),
                "kommune", municipality, "planlagtDato", DATE.format(d.plannedSettlementDate()), "saksreferanse", reference,
                "dato", DATE.format(today));
        StringBuilder sections = new StringBuilder();
        List<Long> used = new ArrayList<>();
        String title = null;
        for (String language : choice.languages()) {
            LetterTemplate template = templates.current(LetterKind.DECISION, language).orElseThrow(
                    () -> new IllegalStateException("No DECISION template for " + language));
            used.add(template.id());
            title = title == null ? LetterText.inline(template.title(), values) : title;
            sections.append(section(language, template, values, recipientBlock(language, person, reference, today), version));
        }
        String html = PdfRenderer.document(plain(title), sections.toString());
        long id = insert(LetterKind.DECISION, d.caseId(), d.personId(), d.id(), d.municipalityNumber(), "person:" + d.personId(),
                person.fullName(), person.dufNumber(), plain(title), String.join(",", choice.languages()), choice.basis(), version,
                d.plannedSettlementDate(), html, used, actor);
        outbox.enqueue(TOPIC, "person:" + d.personId(), plain(title) + " – " + reference, String.valueOf(id), d.caseId());
        return id;
    }

    private long writeMunicipalityLetter(long caseId, String municipalityNumber, List<SettlementDecision> list,
                                         Map<Long, PersonView> persons, String reference, int version, LocalDate today, Actor actor) {
        String municipality = municipalities.name(municipalityNumber);
        List<SettlementDecision> sorted = list.stream().sorted(Comparator.comparing(SettlementDecision::plannedSettlementDate)
                .thenComparing(SettlementDecision::personId)).toList();
        StringBuilder lines = new StringBuilder();
        for (SettlementDecision d : sorted) {
            PersonView p = persons.get(d.personId());
            lines.append(lines.isEmpty() ? "" : "\n").append(p.fullName()).append(", født ").append(DATE.format(p.birthDate()))
                    .append(", DUF ").append(p.dufNumber()).append(" – planlagt bosatt ").append(DATE.format(d.plannedSettlementDate()));
        }
        LocalDate first = sorted.get(0).plannedSettlementDate();
        Map<String, String> values = Map.of("kommune", municipality, "saksreferanse", reference, "antall", String.valueOf(sorted.size()),
                "personer", lines.toString(), "planlagtDato", DATE.format(first), "dato", DATE.format(today));
        LetterTemplate template = templates.current(LetterKind.MUNICIPALITY_AGREEMENT, "nb").orElseThrow(
                () -> new IllegalStateException("No MUNICIPALITY_AGREEMENT template"));
        String title = LetterText.inline(template.title(), values);
        String recipient = "<div class=\"recipient\">Til: " + LetterText.inline("{{kommune}} kommune", values)
                + "<br/>Saksnummer: " + LetterText.inline("{{saksreferanse}}", values)
                + "<br/>Dato: " + LetterText.inline("{{dato}}", values) + "</div>";
        String html = PdfRenderer.document(plain(title), section("nb", template, values, recipient, version));
        long id = insert(LetterKind.MUNICIPALITY_AGREEMENT, caseId, null, null, municipalityNumber, "municipality:" + municipalityNumber,
                municipality + " kommune", null, plain(title), "nb", "MUNICIPALITY", version, first, html, List.of(template.id()), actor);
        outbox.enqueue(TOPIC, "municipality:" + municipalityNumber, plain(title), String.valueOf(id), caseId);
        return id;
    }

    static String plain(String escaped) {
        return org.springframework.web.util.HtmlUtils.htmlUnescape(escaped);
    }

    static final Map<String, String[]> LABELS = Map.of(
            // sender, to, born, case number, date, template (no longer printed: issue 16 point 10), letter version
            "nb", new String[]{"Integrerings- og mangfoldsdirektoratet (IMDi)", "Til", "Født", "Saksnummer", "Dato", "Mal", "Brevversjon"},
            "en", new String[]{"The Directorate of Integration and Diversity (IMDi)", "To", "Born", "Case number", "Date", "Template", "Letter version"},
            "uk", new String[]{"Директорат з питань інтеграції та різноманіття (IMDi)", "Кому", "Дата народження", "Номер справи", "Дата",
                    "Шаблон", "Версія листа"});

    static String recipientBlock(String language, PersonView person, String reference, LocalDate today) {
        String[] l = LABELS.get(language);
        Map<String, String> v = Map.of("n", person.fullName(), "b", DATE.format(person.birthDate()), "d", person.dufNumber(),
                "r", reference, "t", DATE.format(today));
        return "<div class=\"recipient\">" + l[1] + ": <b>" + LetterText.inline("{{n}}", v) + "</b><br/>" + l[2] + ": "
                + LetterText.inline("{{b}}", v) + "<br/>DUF: " + LetterText.inline("{{d}}", v) + "<br/>" + l[3] + ": "
                + LetterText.inline("{{r}}", v) + "<br/>" + l[4] + ": " + LetterText.inline("{{t}}", v) + "</div>";
    }

    static String section(String language, LetterTemplate template, Map<String, String> values, String recipient, int version) {
        String[] l = LABELS.get(language);
        return "<section class=\"letter\" lang=\"" + language + "\">\n<div class=\"sender\">" + l[0] + "</div>\n" + recipient
                + "\n<h1>" + LetterText.inline(template.title(), values) + "</h1>\n" + LetterText.blocks(template.body(), values)
                + "<p class=\"meta\">" + l[6] + ": " + version + "</p>\n</section>\n";
    }

    /** A preview of a template text with sample data, as PDF (nothing is stored). */
    public byte[] preview(LetterKind kind, String language, String title, String body) {
        LetterTemplate draft = new LetterTemplate(0, kind, language, 0, title, body, OffsetDateTime.now(clock), "preview");
        LocalDate today = LocalDate.now(clock);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("navn", "uk".equals(language) ? "Олена Коваленко" : "Olena Kovalenko");
        values.put("fodselsdato", "14.02.1988");
        values.put("duf", "202312345678");
        values.put("kommune", "Eksempel");
        values.put("planlagtDato", DATE.format(today.plusDays(21)));
        values.put("saksreferanse", "BS-2026-000123");
        values.put("dato", DATE.format(today));
        values.put("antall", "2");
        values.put("tillatelsesdato", DATE.format(today.minusDays(2)));
        values.put("samtale", FirstLetters.sample("samtale", language));
        values.put("selvbosetting", FirstLetters.sample("selvbosetting", language));
        values.put("soknadsfrist", FirstLetters.sample("soknadsfrist", language));
        values.put("personer", "Olena Kovalenko, født 14.02.1988, DUF 202312345678 – planlagt bosatt " + DATE.format(today.plusDays(21))
                + "\nMaksym Kovalenko, født 03.09.2015, DUF 202312345679 – planlagt bosatt " + DATE.format(today.plusDays(21)));
        String[] l = LABELS.get(language);
        String recipient = "<div class=\"recipient\">" + l[1] + ": <b>" + LetterText.inline("{{navn}}", values) + "</b><br/>"
                + l[3] + ": BS-2026-000123<br/>" + l[4] + ": " + DATE.format(today) + "</div>";
        String html = PdfRenderer.document(plain(LetterText.inline(title, values)), section(language, draft, values, recipient, 1));
        return renderer.render(html);
    }

    long insert(LetterKind kind, long caseId, Long personId, Long decisionId, String municipalityNumber, String recipient,
                        String recipientName, String recipientDuf, String title, String languages, String basis, int version,
                        LocalDate planned, String html, List<Long> templateIds, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                        insert into letter (kind, case_id, person_id, decision_id, municipality_number, recipient, recipient_name,
                            recipient_duf, title, languages, language_basis, version, planned_date, html, created_at, created_by)
                        values (:kind, :c, :p, :d, :m, :r, :rn, :duf, :title, :langs, :basis, :v, :planned, :html, :now, :by)
                        returning id
                        """)
                .param("kind", kind.name()).param("c", caseId).param("p", personId).param("d", decisionId).param("m", municipalityNumber)
                .param("r", recipient).param("rn", recipientName).param("duf", recipientDuf).param("title", title)
                .param("langs", languages).param("basis", basis).param("v", version).param("planned", planned).param("html", html)
                .param("now", now).param("by", actor.username()).query(Long.class).single();
        for (Long templateId : templateIds) {
            jdbc.sql("insert into letter_template_use (letter_id, template_id) values (:l, :t)").param("l", id).param("t", templateId).update();
        }
        return id;
    }

    // ---- reading and downloading ------------------------------------------------------------------

    /** The case's settlement letters the actor may see, every version; empty when the case is out of reach. */
    public Optional<List<Letter>> forCase(long caseId, Actor actor) {
        if (!(actor.isAgency() || actor.is(Role.MUNICIPALITY_OFFICER)) || cases.summary(caseId, actor).isEmpty()) {
            return Optional.empty();
        }
        // The settlement's letters; the first letter after the permit is the refugee's (FirstLetters, My page).
        List<Letter> all = jdbc.sql("select " + COLUMNS + " from letter l where l.case_id = :c and l.kind <> 'FIRST_LETTER' order by l.kind, l.person_id nulls first, l.version desc")
                .param("c", caseId).query((rs, n) -> map(rs)).list();
        return Optional.of(actor.isAgency() ? all
                : all.stream().filter(l -> l.municipalityNumber() != null && l.municipalityNumber().equals(actor.municipalityNumber())).toList());
    }

    /** The letters addressed to the signed-in refugee, newest first. */
    public List<Letter> forRefugee(Actor actor) {
        if (actor.dufNumber().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from letter l where l.recipient_duf = :duf order by l.created_at desc, l.id desc")
                .param("duf", actor.dufNumber().get()).query((rs, n) -> map(rs)).list();
    }

    /** A letter of a case as PDF, if the actor may see it; the download is logged as a read of the persons in it. */
    @Transactional
    public Optional<LetterFile> download(long caseId, long letterId, Actor actor) {
        Optional<Letter> letter = forCase(caseId, actor).flatMap(list -> list.stream().filter(l -> l.id() == letterId).findFirst());
        return letter.map(l -> file(l, actor, "web:/saker/" + caseId + "/brev?letter=" + letterId));
    }

    /** One of the refugee's own letters as PDF; another person's letter reads as not found. */
    @Transactional
    public Optional<LetterFile> downloadOwn(long letterId, Actor actor) {
        return forRefugee(actor).stream().filter(l -> l.id() == letterId).findFirst()
                .map(l -> file(l, actor, "web:/min-side/brev?letter=" + letterId));
    }

    private LetterFile file(Letter letter, Actor actor, String purpose) {
        List<Long> personIds = letter.personId() != null ? List.of(letter.personId())
                : decisions.forCase(letter.caseId()).stream().filter(d -> d.municipalityNumber().equals(letter.municipalityNumber()))
                .map(SettlementDecision::personId).distinct().toList();
        accessLog.recordRead(actor, personIds, purpose);
        return new LetterFile(filename(letter), pdf(letter.id()));
    }

    static String filename(Letter letter) {
        return base(letter.kind()) + "-" + letter.id() + "-v" + letter.version() + ".pdf";
    }

    private static String base(LetterKind kind) {
        return switch (kind) {
            case DECISION -> "vedtak-bosettingskommune";
            case MUNICIPALITY_AGREEMENT -> "avtalt-bosetting";
            case FIRST_LETTER -> "oppholdstillatelse-hva-skjer-naa";
        };
    }

    /** The letter's PDF, rendered from its frozen text the first time and kept from then on. */
    @Transactional
    public byte[] pdf(long letterId) {
        byte[] stored = storedPdf(letterId);
        if (stored != null) {
            return stored;
        }
        String html = jdbc.sql("select html from letter where id = :id").param("id", letterId).query(String.class).single();
        byte[] pdf = renderer.render(html);
        jdbc.sql("update letter set pdf = :pdf where id = :id and pdf is null").param("pdf", pdf).param("id", letterId).update();
        return storedPdf(letterId);
    }

    private byte[] storedPdf(long letterId) {
        return jdbc.sql("select pdf from letter where id = :id").param("id", letterId).query((rs, n) -> rs.getBytes(1)).list().get(0);
    }

    // ---- sending ----------------------------------------------------------------------------------

    /** What has been handed to the digital mailbox for the case's letters the actor may see. */
    public List<LetterDispatch> dispatches(long caseId, Actor actor) {
        List<Long> visible = forCase(caseId, actor).orElse(List.of()).stream().map(Letter::id).toList();
        if (visible.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select d.letter_id, l.kind, l.version, l.recipient_name, d.channel, d.status, d.external_id, d.sent_at
                        from letter_dispatch d join letter l on l.id = d.letter_id
                        where d.letter_id in (:ids) order by d.sent_at desc, d.id desc
                        """)
                .param("ids", visible)
                .query((rs, n) -> new LetterDispatch(rs.getLong(1), LetterKind.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    /**
     * Sends one letter through the mailbox and records the receipt; called by the outbox inside its
     * delivery transaction. A letter already sent is not sent again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void dispatch(long letterId, DigitalMailbox mailbox) throws Exception {
        boolean sent = jdbc.sql("select count(*) from letter_dispatch where letter_id = :id").param("id", letterId)
                .query(Long.class).single() > 0;
        if (sent) {
            return;
        }
        DigitalMailbox.Shipment shipment = jdbc.sql("""
                        select l.id, l.kind, l.recipient, l.recipient_name, l.recipient_duf, l.municipality_number, l.title, l.version, l.case_id
                        from letter l where l.id = :id
                        """)
                .param("id", letterId)
                .query((rs, n) -> {
                    LetterKind kind = LetterKind.valueOf(rs.getString("kind"));
                    boolean person = kind != LetterKind.MUNICIPALITY_AGREEMENT;
                    return new DigitalMailbox.Shipment(rs.getLong("id"), "bosetting-brev-" + rs.getLong("id"), kind,
                            person ? "PERSON" : "MUNICIPALITY", person ? rs.getString("recipient_duf") : rs.getString("municipality_number"),
                            rs.getString("recipient_name"), rs.getString("title"),
                            cases.summaryForSystem(rs.getLong("case_id")).map(s -> s.reference()).orElse(""),
                            base(kind) + "-" + rs.getLong("id") + "-v" + rs.getInt("version") + ".pdf",
                            null);
                })
                .single();
        byte[] pdf = mailbox.needsFile() ? pdf(letterId) : null;
        shipment = new DigitalMailbox.Shipment(shipment.letterId(), shipment.reference(), shipment.kind(), shipment.recipientType(),
                shipment.recipientId(), shipment.recipientName(), shipment.title(), shipment.caseReference(), shipment.filename(), pdf);
        DigitalMailbox.Receipt receipt = mailbox.send(shipment);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                        insert into letter_dispatch (letter_id, recipient, channel, status, external_id, sent_at, created_at, created_by)
                        select id, recipient_name, :channel, :status, :ext, :now, :now, 'system' from letter where id = :id
                        """)
                .param("channel", receipt.channel()).param("status", receipt.status()).param("ext", receipt.externalId())
                .param("now", now).param("id", letterId).update();
    }

    private static Letter map(ResultSet rs) throws SQLException {
        return new Letter(rs.getLong("id"), LetterKind.valueOf(rs.getString("kind")), rs.getLong("case_id"),
                (Long) rs.getObject("person_id"), rs.getString("municipality_number"), rs.getString("recipient"),
                rs.getString("recipient_name"), rs.getString("title"), rs.getString("languages"), rs.getString("language_basis"), rs.getInt("version"),
                rs.getObject("planned_date", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"), rs.getString("templates"), rs.getBoolean("current"));
    }
}
