package no.bosetting.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.proposals.RejectionReason;

/** The fixed vocabulary of the demo data: fictitious names, centres, logins and Norwegian texts. */
public final class DemoCatalogue {

    private DemoCatalogue() {
    }

    /** Every family name the generator uses; all are made up from "demo", "test", "prøve", "eksempel" and "fiktiv". */
    public static final List<String> UKRAINIAN_FAMILY_NAMES = List.of("Testenko", "Prøvenko", "Eksempelenko",
            "Eksempelova", "Testova", "Prøvova", "Fiktivenko", "Fiktivska", "Demosjuk", "Testovytsj", "Prøvytsjenko",
            "Demoljak", "Eksempeltsjuk", "Testkovska");
    public static final List<String> OTHER_FAMILY_NAMES = List.of("Al-Demo", "Al-Testi", "Eksempeli", "Prøvani",
            "Fiktivi", "Demozada", "Testzada", "Eksempelzai", "Prøvesen", "Demosen", "Testhaile", "Fiktivmariam",
            "Demo-Abdi", "Testanga", "Prøvemba");
    public static final Set<String> FAMILY_NAMES = Set.copyOf(concat(UKRAINIAN_FAMILY_NAMES, OTHER_FAMILY_NAMES));

    static final Map<String, List<String>> FEMALE_NAMES = Map.of(
            "UKR", List.of("Olena", "Iryna", "Natalija", "Oksana", "Tetjana", "Julija", "Kateryna", "Svitlana", "Anna", "Marija", "Viktorija", "Sofija"),
            "ARAB", List.of("Amina", "Fatima", "Layla", "Hana", "Maryam", "Nour", "Rania", "Samira"),
            "HORN", List.of("Rahel", "Selam", "Hiwet", "Amal", "Hodan", "Saba", "Ayan", "Yordanos"),
            "AFG", List.of("Zahra", "Farida", "Mahtab", "Parwana", "Shabnam", "Nilofar"),
            "CENTRAL", List.of("Grace", "Esther", "Josephine", "Nadine", "Aline", "Clarisse"));
    static final Map<String, List<String>> MALE_NAMES = Map.of(
            "UKR", List.of("Oleksandr", "Andrij", "Serhij", "Dmytro", "Volodymyr", "Mykola", "Ivan", "Jurij", "Maksym", "Bohdan", "Artem", "Taras"),
            "ARAB", List.of("Ahmad", "Omar", "Yusuf", "Ali", "Khaled", "Samir", "Hassan", "Karim"),
            "HORN", List.of("Tesfay", "Abdi", "Yonas", "Mohamed", "Dawit", "Mahad", "Semere", "Abdirahman"),
            "AFG", List.of("Hamid", "Farid", "Javid", "Naser", "Reza", "Sohail"),
            "CENTRAL", List.of("Patrice", "Jean", "Emmanuel", "Joseph", "Didier", "Christian"));

    static String nameGroup(String citizenship) {
        return switch (citizenship) {
            case "UKR" -> "UKR";
            case "SYR", "IRQ" -> "ARAB";
            case "ERI", "SOM", "ETH" -> "HORN";
            case "AFG", "IRN" -> "AFG";
            default -> "CENTRAL";
        };
    }

    static String interpreterLanguage(String citizenship) {
        return switch (citizenship) {
            case "UKR" -> "ukrainsk";
            case "SYR", "IRQ" -> "arabisk";
            case "ERI" -> "tigrinja";
            case "ETH" -> "amharisk";
            case "SOM" -> "somali";
            case "AFG" -> "dari";
            case "IRN" -> "persisk";
            case "SSD" -> "arabisk";
            default -> "fransk";
        };
    }

    /** Reception centres: short name (for logins), municipality, kind; the first four get demo staff. */
    record CentreDefinition(String shortName, String place, String municipalityNumber, String kind, int weight) {
    }

    static final List<CentreDefinition> CENTRES = List.of(
            new CentreDefinition("rade", "Råde", "3112", "RECEPTION_CENTRE", 5),
            new CentreDefinition("hamar", "Hamar", "3403", "RECEPTION_CENTRE", 5),
            new CentreDefinition("alta", "Alta", "5601", "RECEPTION_CENTRE", 4),
            new CentreDefinition("stord", "Stord", "4614", "RECEPTION_CENTRE", 4),
            new CentreDefinition("lillehammer", "Lillehammer", "3405", "RECEPTION_CENTRE", 4),
            new CentreDefinition("gjovik", "Gjøvik", "3407", "RECEPTION_CENTRE", 3),
            new CentreDefinition("kongsberg", "Kongsberg", "3303", "RECEPTION_CENTRE", 3),
            new CentreDefinition("sunnfjord", "Sunnfjord", "4647", "RECEPTION_CENTRE", 3),
            new CentreDefinition("steinkjer", "Steinkjer", "5006", "RECEPTION_CENTRE", 3),
            new CentreDefinition("levanger", "Levanger", "5037", "RECEPTION_CENTRE", 3),
            new CentreDefinition("vefsn", "Vefsn", "1824", "RECEPTION_CENTRE", 2),
            new CentreDefinition("narvik", "Narvik", "1806", "RECEPTION_CENTRE", 3),
            new CentreDefinition("harstad", "Harstad", "5503", "RECEPTION_CENTRE", 2),
            new CentreDefinition("vadso", "Vadsø", "5607", "RECEPTION_CENTRE", 2),
            new CentreDefinition("sor-varanger", "Sør-Varanger", "5605", "RECEPTION_CENTRE", 2),
            new CentreDefinition("arendal", "Arendal", "4203", "RECEPTION_CENTRE", 3),
            new CentreDefinition("eigersund", "Eigersund", "1101", "RECEPTION_CENTRE", 2),
            new CentreDefinition("molde", "Molde", "1506", "RECEPTION_CENTRE", 3),
            new CentreDefinition("elverum", "Elverum", "3420", "RECEPTION_CENTRE", 2),
            new CentreDefinition("kongsvinger", "Kongsvinger", "3401", "RECEPTION_CENTRE", 2),
            new CentreDefinition("tynset", "Tynset", "3427", "RECEPTION_CENTRE", 2),
            new CentreDefinition("namsos", "Namsos", "5007", "RECEPTION_CENTRE", 2),
            new CentreDefinition("akutt-oslo", "Oslo", "0301", "EMERGENCY_ACCOMMODATION", 4),
            new CentreDefinition("akutt-trondheim", "Trondheim", "5001", "EMERGENCY_ACCOMMODATION", 3),
            new CentreDefinition("akutt-kristiansand", "Kristiansand", "4204", "EMERGENCY_ACCOMMODATION", 2),
            new CentreDefinition("akutt-drammen", "Drammen", "3301", "EMERGENCY_ACCOMMODATION", 2),
            new CentreDefinition("akutt-stavanger", "Stavanger", "1103", "EMERGENCY_ACCOMMODATION", 2));

    static final int STAFFED_CENTRES = 4;

    static String centreName(CentreDefinition d) {
        return ("EMERGENCY_ACCOMMODATION".equals(d.kind()) ? "Demo akuttinnkvartering " : "Demo mottak ") + d.place();
    }

    /** A demo login; {@code centreShortName} for reception staff. */
    public record Login(String username, String displayName, Role role, String municipalityNumber, String centreShortName) {
    }

    public static final List<Login> LOGINS = List.of(
            new Login("saksbehandler", "Siri Saksbehandler (IMDi)", Role.AGENCY_CASEWORKER, null, null),
            // The second person of two-step control (issue 18 item 5): approves what saksbehandler proposes.
            new Login("saksbehandler2", "Sander Saksbehandler (IMDi)", Role.AGENCY_CASEWORKER, null, null),
            new Login("saksbehandler-vern", "Vera Vern (IMDi, utpekt for bekymringsmeldinger og adressesperre)", Role.AGENCY_CASEWORKER, null, null),
            new Login("planlegger", "Per Planlegger (IMDi)", Role.AGENCY_PLANNER, null, null),
            new Login("admin", "Ada Administrator (IMDi)", Role.AGENCY_ADMIN, null, null),
            new Login("statistikk", "KS Demo", Role.STATISTICS_READER, null, null),
            new Login("kommune-oslo", "Oslo kommune – bosetting (demo)", Role.MUNICIPALITY_OFFICER, "0301", null),
            new Login("kommune-bergen", "Bergen kommune – bosetting (demo)", Role.MUNICIPALITY_OFFICER, "4601", null),
            new Login("kommune-tromso", "Tromsø kommune – bosetting (demo)", Role.MUNICIPALITY_OFFICER, "5501", null),
            new Login("kommune-lillestrom", "Lillestrøm kommune – bosetting (demo)", Role.MUNICIPALITY_OFFICER, "3205", null),
            new Login("kommune-bodo", "Bodø kommune – bosetting (demo)", Role.MUNICIPALITY_OFFICER, "1804", null),
            new Login("kommune-roros", "Røros kommune – bosetting (demo)", Role.MUNICIPALITY_OFFICER, "5025", null),
            new Login("kommune-vardo", "Vardø kommune – bosetting (demo)", Role.MUNICIPALITY_OFFICER, "5634", null),
            new Login("mottak-rade", "Demo mottak Råde", Role.RECEPTION_STAFF, null, "rade"),
            new Login("mottak-hamar", "Demo mottak Hamar", Role.RECEPTION_STAFF, null, "hamar"),
            new Login("mottak-alta", "Demo mottak Alta", Role.RECEPTION_STAFF, null, "alta"),
            new Login("mottak-stord", "Demo mottak Stord", Role.RECEPTION_STAFF, null, "stord"));

    public static final String PASSWORD = no.bosetting.access.UserAccounts.DEMO_PASSWORD;

    static List<String> demoMunicipalities() {
        return LOGINS.stream().filter(l -> l.role() == Role.MUNICIPALITY_OFFICER).map(Login::municipalityNumber).toList();
    }

    /** Norwegian rejection texts per reason code, as a municipality would write them. */
    static final Map<RejectionReason, List<String>> REJECTION_TEXTS = Map.of(
            RejectionReason.NO_SUITABLE_DWELLING, List.of(
                    "Vi har ikke bolig med nok soverom til husstanden før i vår.",
                    "Ingen ledig bolig på bakkeplan som passer husstandens behov."),
            RejectionReason.SERVICES_NOT_AVAILABLE, List.of(
                    "Kommunen har ikke helsetjenestene husstanden trenger i dag.",
                    "Vi mangler tilrettelagt skoletilbud for barnet i husstanden."),
            RejectionReason.CAPACITY_USED, List.of(
                    "Vedtaket for året er snart fylt opp; resten av plassene er reservert.",
                    "Vi har ikke flere ledige plasser innenfor årets vedtak."),
            RejectionReason.HOUSEHOLD_COMPOSITION, List.of(
                    "Vi har bare boliger egnet for enslige voksne i perioden.",
                    "Ledige boliger er i bofellesskap og passer ikke for barnefamilier."),
            RejectionReason.TIMING, List.of(
                    "Vi kan ta imot tidligst om to måneder på grunn av boligsituasjonen.",
                    "Introduksjonsprogrammet har oppstart først etter nyttår."),
            RejectionReason.OTHER, List.of(
                    "Barnehage- og skoleplass er ikke tilgjengelig nær ledige boliger.",
                    "Kommunen er midt i en omorganisering av flyktningtjenesten."));

    static final List<String> EDUCATION = List.of("Grunnskole", "Videregående skole", "Fagbrev som elektriker",
            "Bachelor i økonomi", "Master i ingeniørfag", "Sykepleierutdanning", "Lærerutdanning", "Ingen formell utdanning");
    static final List<String> WORK = List.of("Regnskapsfører i 8 år", "Sykepleier i 10 år", "Lærer på barneskole",
            "Butikkmedarbeider", "Sveiser og mekaniker", "Bonde", "IT-konsulent", "Sjåfør", "Frisør", "Ingen arbeidserfaring");
    /** Practical needs only: every proposed municipality sees them (report 004 line 42); health goes in HEALTH, with consent. */
    static final List<String> ADAPTATION = List.of("Trenger bolig uten trapper", "Rullestolbruker, trenger tilrettelagt bolig",
            "Trenger bolig nær sykehus", "Trenger bolig på bakkeplan");
    static final List<String> HEALTH = List.of("Diabetes type 2, jevnlig oppfølging", "Astma", "Posttraumatisk stress, går til samtaler",
            "Høyt blodtrykk", "Barn med autisme, trenger tett oppfølging fra skole", "Nedsatt hørsel, trenger tolk ved møter");
    static final List<String> PETS = List.of("Katt", "Liten hund", "To katter");
    static final List<String> FAMILY = List.of("Søster", "Bror", "Foreldre", "Voksen datter", "Voksen sønn", "Fetter");
    static final List<String> MINOR_SITUATIONS = List.of(
            "Bor på omsorgssenter, ønsker å bo i fosterhjem",
            "Bor på mottak for enslige mindreårige, har onkel i Norge",
            "Går på skole, trenger oppfølging fra barnevernet");

    /** Street names for the dwellings of self-settlement requests and applications. */
    static final List<String> STREETS = List.of("Storgata", "Kirkeveien", "Skolegata", "Parkveien", "Bjørkeveien", "Fjordgata",
            "Løkkeveien", "Solbakken", "Granveien", "Nordre gate", "Sjøgata", "Eksempelveien");
    static final List<String> LANDLORDS = List.of("Kari Eksempelsen", "Ola Prøvesen", "Demo Eiendom AS", "Fiktiv Utleie AS",
            "Anne Testdal", "Per Demosen", "Eksempel Boligutleie AS", "Ingrid Prøvelien");

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
