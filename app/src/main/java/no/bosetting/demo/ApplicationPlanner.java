package no.bosetting.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import no.bosetting.applications.ApplicationForm;
import no.bosetting.cases.LivingSituation;
import no.bosetting.demo.DemoPlan.Household;
import no.bosetting.municipalities.Municipality;

import static no.bosetting.demo.DemoTime.date;
import static no.bosetting.demo.DemoTime.max;

/**
 * Plans private residents' applications for settlement: sent before the permit, in time or after the
 * six-month deadline (the discretionary path), most handled by the agency, and a few waiting in its queue now.
 */
final class ApplicationPlanner {

    private final PlannedYear year;

    ApplicationPlanner(PlannedYear year) {
        this.year = year;
    }

    void plan() {
        SplittableRandom r = year.r;
        int wanted = Math.max(8, (int) Math.round(60 * year.size() / 3000.0));
        int wantedWaiting = Math.max(2, wanted / 6);
        int waitingMade = 0;
        int handled = 0;
        int made = 0;
        int beforePermitMade = 0;
        // Households still open now first, so some applications can be waiting in the agency's queue.
        List<Integer> order = new ArrayList<>(year.shuffled());
        order.sort(Comparator.comparingInt(i -> offeredOrEnded(i) ? 1 : 0));
        for (int i : order) {
            if (made >= wanted) {
                break;
            }
            Household h = year.households.get(i);
            Instant imported = year.imported.get(i);
            // An interviewed private household applied and was accepted before its interview (PrivateResidentApplications).
            // A closed one is left alone: a refusal would end the right of a case that is closed later in the plan.
            if (h.livingSituation() != LivingSituation.PRIVATE || h.interview() != null || offeredOrEnded(i) || year.taken(i)
                    || imported == null) {
                continue;
            }
            double kind = r.nextDouble();
            Instant submit;
            boolean late = false;
            boolean beforePermit = false;
            boolean waiting = false;
            if (waitingMade < wantedWaiting && !offeredOrEnded(i)) {
                // Sent in the last fortnight and not handled yet: the agency's queue has work now.
                submit = max(year.now.minus(Duration.ofHours(6 + r.nextInt(14 * 24))), imported.plus(Duration.ofHours(3)));
                waiting = true;
            } else if (kind < 0.16 || beforePermitMade == 0) {
                // At least one is sent before the permit, whatever the draws (on some days none would be otherwise).
                submit = year.at(h.permitDate().minusDays(3 + r.nextInt(20)), 9 + r.nextInt(10));
                beforePermit = true;
            } else if (kind < 0.28) {
                submit = year.at(h.permitDate().plusMonths(6).plusDays(3 + r.nextInt(35)), 9 + r.nextInt(10));
                late = true;
            } else {
                submit = imported.plus(Duration.ofDays(2 + r.nextInt(40))).plus(Duration.ofHours(r.nextInt(8)));
            }
            // Sent well before the household is offered or its case ends, so it can be handled while the case is open.
            Instant open = offeredOrEnded(i) ? year.earliest(year.firstAccepted.get(i), year.ended.get(i))
                    : year.now.plus(Duration.ofDays(365));
            if (!submit.isBefore(year.now.minus(Duration.ofHours(2))) || !submit.isBefore(open.minus(Duration.ofDays(25)))) {
                continue;
            }
            year.take(i);
            made++;
            beforePermitMade += beforePermit ? 1 : 0;
            year.add(new DemoPlan.SendApplication(submit, i, form(h, beforePermit, date(submit))));
            if (waiting) {
                waitingMade++;
                continue;
            }
            Instant handle = submit.plus(Duration.ofDays(4 + r.nextInt(18))).plus(Duration.ofHours(r.nextInt(6)));
            if (!handle.isAfter(imported.plus(Duration.ofHours(1)))) {
                handle = imported.plus(Duration.ofDays(1));
            }
            if (handle.isAfter(year.now.minus(Duration.ofHours(6))) || handle.isAfter(open.minus(Duration.ofDays(1)))) {
                continue;
            }
            // About three in ten refused, every other late one (the discretionary path).
            handled++;
            boolean accept = late ? handled % 2 == 0 : handled % 10 != 2 && handled % 10 != 5 && handled % 10 != 8;
            year.add(new DemoPlan.HandleApplication(handle, i, accept, accept ? null : late
                    ? "Søknaden kom etter seksmånedersfristen, og det er ikke opplyst om særlige grunner som gjør at den likevel bør behandles."
                    : year.pick(List.of("Husstanden har selv skaffet bolig og fast arbeid og har ikke behov for bosetting med offentlig hjelp.",
                    "Søkeren har allerede fått tilbud om bosetting og takket nei.",
                    "Husstanden bor hos familie som har sagt seg villig til å hjelpe, og har ikke særlige behov for bistand."))));
        }
    }

    private boolean offeredOrEnded(int household) {
        return year.firstAccepted.containsKey(household) || year.ended.containsKey(household);
    }

    private ApplicationForm form(Household h, boolean beforePermit, LocalDate sent) {
        SplittableRandom r = year.r;
        Municipality home = year.byNumber.get(h.municipalityNumber());
        boolean stay = r.nextDouble() < 0.55;
        boolean ties = r.nextDouble() < 0.6;
        LocalDate told = h.permitDate().plusDays(1 + r.nextInt(3));
        String notified = !beforePermit && r.nextDouble() < 0.3 && !told.isAfter(sent) ? told.toString() : null;
        return new ApplicationForm(false, ties ? home.number() : null,
                ties ? year.pick(List.of("Søsteren min bor her med familien sin.", "Vi bor hos foreldrene mine, som kom i fjor.",
                        "Jeg har fått deltidsjobb på et hotell her.")) : null,
                r.nextDouble() < 0.15 ? "Bolig uten trapper; en i husstanden bruker rullator." : null,
                false, null, r.nextDouble() < 0.08 ? "En katt" : null, stay ? "true" : "false",
                stay ? year.pick(DemoCatalogue.STREETS) + " " + (1 + r.nextInt(60)) + ", " + home.name() : null,
                stay ? home.number() : null, notified, null, null, null, null, null, null);
    }
}
