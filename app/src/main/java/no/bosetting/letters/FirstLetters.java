package no.bosetting.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.applications.SettlementApplications;
import no.bosetting.cases.CaseDetail;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.CaseSummary;
import no.bosetting.cases.LivingSituation;
import no.bosetting.cases.PermitRegistered;
import no.bosetting.cases.PersonView;
import no.bosetting.letters.internal.LetterText;
import no.bosetting.letters.internal.PdfRenderer;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.selfsettlement.SelfSettlementWindows;
import no.bosetting.shared.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first letter after the permit (report 004 lines 29–31: "IMDi sends a letter to the refugee that they have been
 * granted residence and will have a settlement interview"; report 002 around lines 6375–6379: the refugees are told
 * of their rights, but not of agreed self-settlement and its conditions). Written in the import's transaction to each
 * adult of the household (the household's main person when none is adult), in bokmål and the person's language. The
 * person's language follows from the citizenship; a language without a template gets bokmål and English, and the
 * letter says so.
 */
@Service
public class FirstLetters {

    private static final DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    /** The language a citizenship suggests (ISO 639-1), for the countries most refugees come from. */
    private static final Map<String, String> LANGUAGE_OF_CITIZENSHIP = Map.ofEntries(
            Map.entry("UKR", "uk"), Map.entry("NOR", "nb"), Map.entry("GBR", "en"), Map.entry("USA", "en"), Map.entry("NGA", "en"),
            Map.entry("SYR", "ar"), Map.entry("IRQ", "ar"), Map.entry("SDN", "ar"), Map.entry("YEM", "ar"), Map.entry("PSE", "ar"),
            Map.entry("AFG", "fa"), Map.entry("IRN", "fa"), Map.entry("ERI", "ti"), Map.entry("ETH", "am"), Map.entry("SOM", "so"),
            Map.entry("COD", "fr"), Map.entry("BDI", "fr"), Map.entry("RUS", "ru"), Map.entry("BLR", "ru"), Map.entry("TUR", "tr"),
            Map.entry("MMR", "my"), Map.entry("VEN", "es"), Map.entry("COL", "es"));
    private static final Map<String, String[]> LANGUAGE_NAMES = Map.ofEntries(
            Map.entry("ar", new String[]{"arabisk", "Arabic"}), Map.entry("fa", new String[]{"persisk", "Persian"}),
            Map.entry("ti", new String[]{"tigrinja", "Tigrinya"}), Map.entry("am", new String[]{"amharisk", "Amharic"}),
            Map.entry("so", new String[]{"somali", "Somali"}), Map.entry("fr", new String[]{"fransk", "French"}),
            Map.entry("ru", new String[]{"russisk", "Russian"}), Map.entry("tr", new String[]{"tyrkisk", "Turkish"}),
            Map.entry("my", new String[]{"burmesisk", "Burmese"}), Map.entry("es", new String[]{"spansk", "Spanish"}));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseQueries cases;
    private final Letters letters;
    private final LetterTemplates templates;
    private final Municipalities municipalities;
    private final SettlementApplications applications;
    private final SelfSettlementWindows windows;
    private final Outbox outbox;
    private final no.bosetting.cases.ProtectedAddress protection;

    public FirstLetters(JdbcClient jdbc, Clock clock, CaseQueries cases, Letters letters, LetterTemplates templates,
                        Municipalities municipalities, SettlementApplications applications, SelfSettlementWindows windows,
                        Outbox outbox, no.bosetting.cases.ProtectedAddress protection) {
        this.protection = protection;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.letters = letters;
        this.templates = templates;
        this.municipalities = municipalities;
        this.applications = applications;
        this.windows = windows;
        this.outbox = outbox;
    }

    @EventListener
    public void onPermitRegistered(PermitRegistered event) {
        write(event.caseId(), event.actor());
    }

    /** The languages of a first letter and why: bokmål and the person's language, or bokmål and English as a fallback. */
    record Choice(List<String> languages, String basis, String missing) {
    }

    static Choice languagesFor(String citizenship) {
        String own = LANGUAGE_OF_CITIZENSHIP.get(citizenship);
        if (own == null || "nb".equals(own) || "en".equals(own)) {
            return new Choice(List.of("nb", "en"), "DEFAULT", null);
        }
        if (LetterKind.FIRST_LETTER.languages().contains(own)) {
            return new Choice(List.of("nb", own), "CITIZENSHIP", null);
        }
        return new Choice(List.of("nb", "en"), "FALLBACK", own);
    }

    /** Writes the first letter to each adult (or the main person) once; returns the letters written. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> write(long caseId, Actor actor) {
        CaseDetail detail = cases.detail(caseId, Actor.system(), "letters:first-letter").orElseThrow();
        // A protected address is never printed (issue 18 item 4): the letter says neither municipality nor centre.
        CaseSummary summary = protection.forPrinting(detail.summary());
        List<PersonView> recipients = detail.persons().stream().filter(p -> p.age() >= 18).toList();
        if (recipients.isEmpty()) {
            recipients = detail.persons().stream().filter(p -> p.relation() == no.bosetting.cases.Relation.MAIN).toList();
        }
        LocalDate today = LocalDate.now(clock);
        List<Long> written = new ArrayList<>();
        for (PersonView person : recipients) {
            boolean exists = jdbc.sql("select count(*) from letter where kind = 'FIRST_LETTER' and person_id = :p")
                    .param("p", person.id()).query(Long.class).single() > 0;
            if (!exists) {
                written.add(writeOne(summary, person, today, actor));
            }
        }
        return written;
    }

    private long writeOne(CaseSummary summary, PersonView person, LocalDate today, Actor actor) {
        Choice choice = languagesFor(person.citizenship());
        StringBuilder sections = new StringBuilder();
        if (choice.missing() != null) {
            sections.append(fallbackNote(choice.missing()));
        }
        List<Long> used = new ArrayList<>();
        String title = null;
        for (String language : choice.languages()) {
            LetterTemplate template = templates.current(LetterKind.FIRST_LETTER, language).orElseThrow(
                    () -> new IllegalStateException("No FIRST_LETTER template for " + language));
            Map<String, String> values = values(summary, person, language, today);
            used.add(template.id());
            title = title == null ? LetterText.inline(template.title(), values) : title;
            sections.append(Letters.section(language, template, values,
                    Letters.recipientBlock(language, person, summary.reference(), today), 1));
        }
        String html = PdfRenderer.document(Letters.plain(title), sections.toString());
        long id = letters.insert(LetterKind.FIRST_LETTER, summary.id(), person.id(), null, null, "person:" + person.id(),
                person.fullName(), person.dufNumber(), Letters.plain(title), String.join(",", choice.languages()), choice.basis(), 1,
                null, html, used, actor);
        outbox.enqueue(Letters.TOPIC, "person:" + person.id(), Letters.plain(title) + " – " + summary.reference(), String.valueOf(id),
                summary.id());
        return id;
    }

    /** Says, in bokmål and English, that the letter is not written in the person's language. */
    static String fallbackNote(String language) {
        String[] names = LANGUAGE_NAMES.getOrDefault(language, new String[]{language, language});
        return "<p class=\"fallback\" lang=\"nb\">" + LetterText.inline("Vi har ikke dette brevet på {{l}} ennå. Det er derfor skrevet på"
                + " bokmål og engelsk. Spør mottaket eller IMDi om tolk hvis du trenger det.", Map.of("l", names[0])) + "</p>\n"
                + "<p class=\"fallback\" lang=\"en\">" + LetterText.inline("We do not have this letter in {{l}} yet, so it is written in"
                + " Norwegian and English. Ask the reception centre or IMDi for an interpreter if you need one.", Map.of("l", names[1]))
                + "</p>\n";
    }

    private Map<String, String> values(CaseSummary s, PersonView person, String language, LocalDate today) {
        boolean privately = s.livingSituation() == LivingSituation.PRIVATE;
        String municipality = s.livingMunicipalityNumber() == null ? "" : municipalities.name(s.livingMunicipalityNumber());
        String centre = s.receptionCentreName() == null ? "" : s.receptionCentreName();
        LocalDate applyBy = applications.startRule().deadline(s.permitDate(), null, null).lastDay();
        LocalDate optInBy = windows.lastOptInDay(s.permitDate());
        String interview = text(language, s.livingSituation().inReceptionSystem() && !centre.isEmpty() ? "samtale.centre"
                : privately ? "samtale.private" : "samtale.other", centre.isEmpty() ? municipality : centre);
        String selfSettlement = text(language, "selvbosetting", DATE.format(optInBy));
        String applyText = text(language, privately ? "soknadsfrist.private" : "soknadsfrist.reception", DATE.format(applyBy));
        return Map.of("navn", person.fullName(), "duf", person.dufNumber(), "saksreferanse", s.reference(),
                "dato", DATE.format(today), "tillatelsesdato", DATE.format(s.permitDate()), "samtale", interview,
                "selvbosetting", selfSettlement, "soknadsfrist", applyText);
    }

    /** Example values for the template preview. */
    static String sample(String placeholder, String language) {
        return switch (placeholder) {
            case "samtale" -> text(language, "samtale.centre", "Eksempel mottak");
            case "selvbosetting" -> text(language, "selvbosetting", "01.03.2026");
            default -> text(language, "soknadsfrist.private", "01.09.2026");
        };
    }

    /** The sentences the letter fills in, per language; {0} is a name or a date. */
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "nb", Map.of(
                    "samtale.centre", "Mottaket der du bor ({0}) avtaler tid for samtalen med deg.",
                    "samtale.private", "Du bor privat. Når IMDi har godtatt søknaden din om bosetting, avtaler kommunen du bor i ({0}) samtalen med deg.",
                    "samtale.other", "IMDi eller kommunen du bor i ({0}) avtaler tid for samtalen med deg.",
                    "selvbosetting", "Si fra på Min side innen {0} hvis du vil prøve å finne bolig selv. Kommunen må sjekke boligen, og IMDi må godkjenne den før du flytter.",
                    "soknadsfrist.private", "Du bor privat. Da må du søke om bosetting med offentlig hjelp innen {0} (seks måneder). Søk på Min side. Søker du ikke innen fristen, har du ikke lenger rett til bosetting med offentlig hjelp; en søknad som kommer senere, vurderer IMDi etter skjønn.",
                    "soknadsfrist.reception", "Du bor i mottak og trenger ikke å søke. Hvis du flytter ut og bor privat, må du søke om bosetting med offentlig hjelp innen {0}."),
            "en", Map.of(
                    "samtale.centre", "The reception centre where you live ({0}) will arrange the interview with you.",
                    "samtale.private", "You live privately. When IMDi has accepted your application for settlement, the municipality where you live ({0}) will arrange the interview with you.",
                    "samtale.other", "IMDi or the municipality where you live ({0}) will arrange the interview with you.",
                    "selvbosetting", "Tell us on My page by {0} if you want to try to find a dwelling yourself. The municipality must check the dwelling, and IMDi must approve it before you move.",
                    "soknadsfrist.private", "You live privately. You must therefore apply for settlement with public help by {0} (six months). Apply on My page. If you do not apply by the deadline, you no longer have the right to settlement with public help; IMDi considers a later application at its discretion.",
                    "soknadsfrist.reception", "You live in a reception centre and do not need to apply. If you move out and live privately, you must apply for settlement with public help by {0}."),
            "uk", Map.of(
                    "samtale.centre", "Центр прийому, де ви живете ({0}), призначить час співбесіди.",
                    "samtale.private", "Ви живете приватно. Коли IMDi прийме вашу заяву про поселення, муніципалітет, де ви живете ({0}), призначить співбесіду.",
                    "samtale.other", "IMDi або муніципалітет, де ви живете ({0}), призначить час співбесіди.",
                    "selvbosetting", "Повідомте на «Моїй сторінці» до {0}, якщо хочете самі знайти житло. Муніципалітет має перевірити житло, а IMDi — схвалити його до переїзду.",
                    "soknadsfrist.private", "Ви живете приватно. Тому ви повинні подати заяву про поселення за державної допомоги до {0} (шість місяців). Подайте заяву на «Моїй сторінці». Якщо ви не подасте заяву вчасно, ви втратите право на поселення за державної допомоги; пізнішу заяву IMDi розглядає на власний розсуд.",
                    "soknadsfrist.reception", "Ви живете в центрі прийому і не повинні подавати заяву. Якщо ви переїдете й житимете приватно, ви повинні подати заяву про поселення за державної допомоги до {0}."));

    private static String text(String language, String key, String value) {
        return TEXTS.getOrDefault(language, TEXTS.get("nb")).get(key).replace("{0}", value);
    }
}
