package no.bosetting.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import no.bosetting.demo.AllocationPlanner.Pick;
import no.bosetting.reconsideration.ReconsiderationGround;
import no.bosetting.reconsideration.RequesterKind;

/**
 * Plans four requests to reconsider a decision on settlement municipality, on offers still open: one
 * requested, one with the municipality informed, one refused and one granted by the designated group.
 */
final class ReconsiderationPlanner {

    private static final String[][] REQUESTS = {
            {"REFUGEE", "WORK_OR_HOUSING_ELSEWHERE", "Husstanden har fått fast jobb og tilbud om leilighet i en annen kommune og ber om at vedtaket omgjøres."},
            {"MUNICIPALITY", "UNREASONABLE_TIME", "Kommunen kan ikke skaffe egnet bolig før om fire måneder; ventetiden blir urimelig lang for familien."},
            {"AGENCY", "LATE_ESSENTIAL_FACTS", "Det er kommet fram at et barn har alvorlig hørselshemming og trenger et tilbud kommunen ikke har."},
            {"REFUGEE", "NEGATIVE_SOCIAL_CONTROL_OR_FORCED_MARRIAGE", "Kvinnen i husstanden har slekt i kommunen som hun frykter negativ sosial kontroll fra."},
    };

    private final PlannedYear year;

    ReconsiderationPlanner(PlannedYear year) {
        this.year = year;
    }

    void plan(List<Pick> accepted) {
        int made = 0;
        for (Pick p : Pick.ordered(accepted, Pick.Kind.ACCEPTED_FUTURE, Pick.Kind.ACCEPTED)) {
            if (made >= REQUESTS.length || year.offerTaken(p.household())) {
                continue;
            }
            Instant request = p.answerAt().plus(Duration.ofDays(2));
            Instant inform = request.plus(Duration.ofHours(26));
            Instant decide = inform.plus(Duration.ofDays(2));
            int state = made;
            if ((state >= 2 ? decide : state == 1 ? inform : request).isAfter(year.now.minus(Duration.ofHours(1)))) {
                continue;
            }
            String[] t = REQUESTS[made];
            year.add(new DemoPlan.RequestReconsideration(request, p.household(), RequesterKind.valueOf(t[0]), null,
                    ReconsiderationGround.valueOf(t[1]), t[2]));
            if (state >= 1) {
                year.add(new DemoPlan.InformAboutReconsideration(inform, p.household(),
                        "Vi ber kommunen holde av boligen til saken er avgjort."));
            }
            if (state == 2) {
                year.add(new DemoPlan.DecideReconsideration(decide, p.household(), false,
                        "Kommunen kan tilby midlertidig bolig med tilpasning fra planlagt dato; vilkårene for omgjøring er ikke oppfylt.", null));
            } else if (state == 3) {
                year.add(new DemoPlan.DecideReconsideration(decide, p.household(), true,
                        "Dokumentert risiko for negativ sosial kontroll i kommunen; husstanden bør bosettes et annet sted.",
                        "Foreslå husstanden for en kommune i en annen landsdel."));
            }
            year.takeOffer(p.household());
            made++;
        }
    }
}
