package no.bosetting.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import no.bosetting.demo.AllocationPlanner.Pick;

/**
 * Plans messages: every demo municipality's general thread with the agency (a contact person named, one
 * message unread), and case threads about the work-list examples (a question before answering, a note after).
 */
final class MessagePlanner {

    private static final String[][] CONTACTS = {{"Kari Demo-Nordmann", "+47 21 00 00 01"}, {"Ole Eksempelsen", "+47 55 00 00 02"},
            {"Sara Testi", "+47 77 00 00 03"}, {"Jon Prøvesen", "+47 66 00 00 04"}, {"Hilde Fiktivsen", "+47 75 00 00 05"},
            {"Anders Demodal", "+47 72 00 00 06"}, {"Marit Eksempelli", "+47 78 00 00 07"}};

    private final PlannedYear year;

    MessagePlanner(PlannedYear year) {
        this.year = year;
    }

    void plan() {
        municipalityThreads();
        caseThreads();
    }

    private void municipalityThreads() {
        List<String> demo = DemoCatalogue.demoMunicipalities();
        for (int k = 0; k < demo.size(); k++) {
            String m = demo.get(k);
            String name = year.byNumber.get(m).name();
            Instant first = year.at(year.today.minusDays(16 + year.r.nextInt(6)), 9 + year.r.nextInt(4));
            year.add(new DemoPlan.PostMessage(first, null, m, false,
                    "Hei! Takk for vedtaket om bosetting. Vi ser at " + name + " har plasser igjen for året, og sender flere forslag "
                            + "på neste fordelingsliste. Gi gjerne beskjed om dere har boliger som passer for store familier.",
                    null, null));
            year.add(new DemoPlan.PostMessage(first.plus(Duration.ofHours(22)), null, m, true,
                    "Takk! Vi har to boliger med fire soverom fra neste måned, men lite for enslige. Jeg er kontaktperson for "
                            + "bosetting fra vår side.", CONTACTS[k][0], CONTACTS[k][1]));
            if (k % 2 == 0) {
                year.add(new DemoPlan.PostMessage(year.now.minus(Duration.ofHours(30 + year.r.nextInt(20))), null, m, false,
                        "Påminnelse: fristen for å svare på forslagene fra forrige fordelingsliste er snart ute. Ta kontakt om dere "
                                + "trenger mer tid.", null, null));
            } else {
                year.add(new DemoPlan.PostMessage(year.now.minus(Duration.ofHours(30 + year.r.nextInt(20))), null, m, true,
                        "Vi lurer på om dere kan prioritere husstander med tilknytning til regionen på neste liste?", null, null));
            }
        }
    }

    private void caseThreads() {
        for (Pick p : year.picks) {
            if (p.kind() == Pick.Kind.OVERDUE) {
                Instant ask = p.round().plus(Duration.ofDays(2)).plus(Duration.ofHours(year.r.nextInt(5)));
                if (!ask.isBefore(year.now)) {
                    continue;
                }
                year.add(new DemoPlan.PostMessage(ask, p.household(), p.municipalityNumber(), true,
                        "Før vi svarer trenger vi å vite mer om behovet for tilrettelegging. Kan dere sjekke med mottaket om "
                                + "husstanden trenger bolig på bakkeplan?", null, null));
                Instant answer = ask.plus(Duration.ofHours(20));
                if (answer.isBefore(year.now) && p.household() % 2 == 0) {
                    year.add(new DemoPlan.PostMessage(answer, p.household(), p.municipalityNumber(), false,
                            "Mottaket bekrefter at det ikke er behov for bolig på bakkeplan. Vi ber om svar på forslaget så snart som mulig.",
                            "take", null));
                }
            } else if (p.kind() == Pick.Kind.ACCEPTED_FUTURE && !year.offerTaken(p.household()) && p.answerAt() != null) {
                Instant note = p.answerAt().plus(Duration.ofHours(3));
                if (note.isBefore(year.now)) {
                    year.add(new DemoPlan.PostMessage(note, p.household(), p.municipalityNumber(), true,
                            "Vi har sagt ja og har bolig klar fra planlagt dato. Kan mottaket hjelpe med å bestille transport?",
                            null, null));
                }
            }
        }
    }
}
