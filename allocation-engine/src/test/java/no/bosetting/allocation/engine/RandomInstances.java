package no.bosetting.allocation.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Small seeded random instances that exercise every hard rule. */
final class RandomInstances {

    static final String[] SERVICES = {"bofellesskap", "psykisk-helse", "rullestol"};

    private RandomInstances() {
    }

    static Instance create(long seed, int households, int municipalities) {
        Random r = new Random(seed);
        List<Municipality> ms = new ArrayList<>();
        for (int m = 0; m < municipalities; m++) {
            Set<String> services = new HashSet<>();
            for (String s : SERVICES) {
                if (r.nextDouble() < 0.6) {
                    services.add(s);
                }
            }
            int[] dwellings = new int[10];
            for (int k = 5; k <= 9; k++) {
                dwellings[k] = r.nextDouble() < 0.3 ? 1 : 0;
            }
            Set<String> neighbours = new HashSet<>();
            if (m > 0) {
                neighbours.add(number(m - 1));
            }
            if (m + 1 < municipalities) {
                neighbours.add(number(m + 1));
            }
            ms.add(new Municipality(number(m), "Kommune " + m, r.nextInt(3 * households / municipalities + 2),
                    r.nextDouble() < 0.4 ? r.nextInt(4) : 0, services, dwellings, neighbours, r.nextDouble(),
                    r.nextDouble(), 1 + r.nextInt(6), r.nextDouble(), r.nextDouble() < 0.1));
        }
        List<Household> hs = new ArrayList<>();
        for (int h = 0; h < households; h++) {
            boolean minor = r.nextDouble() < 0.1;
            boolean family = !minor && r.nextDouble() < 0.4;
            int persons = minor ? 1 : family ? 2 + r.nextInt(6) : 1 + r.nextInt(2);
            Set<String> services = new HashSet<>();
            if (r.nextDouble() < 0.2) {
                services.add(SERVICES[1 + r.nextInt(2)]);
            }
            Set<String> rejected = new HashSet<>();
            if (r.nextDouble() < 0.2) {
                rejected.add(number(r.nextInt(municipalities)));
            }
            String close = r.nextDouble() < 0.05 ? number(r.nextInt(municipalities)) : null;
            String wider = r.nextDouble() < 0.2 ? number(r.nextInt(municipalities)) : null;
            String job = r.nextDouble() < 0.1 ? number(r.nextInt(municipalities)) : null;
            String dwelling = r.nextDouble() < 0.1 ? number(r.nextInt(municipalities)) : null;
            String group = !minor && r.nextDouble() < 0.1 ? "G" + r.nextInt(3) : null;
            hs.add(new Household("H" + h, persons, minor, family, services, r.nextInt(400),
                    Household.defaultTargetDays(minor, family), close, wider, job, dwelling, rejected, group,
                    r.nextBoolean(), r.nextBoolean()));
        }
        return new Instance("random-" + seed, hs, ms);
    }

    static String number(int m) {
        return String.format("%04d", 1000 + m);
    }
}
