package no.bosetting.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import no.bosetting.municipalities.Municipality;
import no.bosetting.shared.TimeConfig;

/**
 * What every planner reads: how many households, the moment the plan ends ("now"), and the municipalities
 * in number order, with the ones that have demo logins.
 */
record PlanBasis(int size, Instant now, LocalDate today, List<Municipality> municipalities, Map<String, Municipality> byNumber,
                 Map<String, Integer> indexOf, Set<String> demoMunicipalities) {

    static PlanBasis of(int size, Instant now, List<Municipality> municipalities) {
        List<Municipality> sorted = municipalities.stream().sorted(Comparator.comparing(Municipality::number)).toList();
        Map<String, Municipality> byNumber = new HashMap<>();
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            byNumber.put(sorted.get(i).number(), sorted.get(i));
            indexOf.put(sorted.get(i).number(), i);
        }
        return new PlanBasis(size, now, LocalDate.ofInstant(now, TimeConfig.OSLO), sorted, Map.copyOf(byNumber),
                Map.copyOf(indexOf), new TreeSet<>(DemoCatalogue.demoMunicipalities()));
    }

    Municipality municipality(String number) {
        return byNumber.get(number);
    }
}
