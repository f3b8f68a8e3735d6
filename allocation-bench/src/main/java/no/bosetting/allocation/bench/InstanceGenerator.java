package no.bosetting.allocation.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import no.bosetting.allocation.engine.Household;
import no.bosetting.allocation.engine.Instance;
import no.bosetting.allocation.engine.Municipality;

/**
 * Deterministic synthetic instances on the real 357 municipalities (population, centrality, neighbours) with
 * household shapes from figures.md: mean size about 2.4 (1–9), single men and women, single adults with
 * children, couples with and without children, a few unaccompanied minors, waiting times around the
 * 3/6-month targets.
 */
public final class InstanceGenerator {

    static final String[] SERVICES = {"bofellesskap", "psykisk-helse", "rullestoltilpasning", "barnevern-oppfolging",
        "tolk-sjeldent-sprak", "helsetjeneste-spesialisert"};
    /** Persons settled per 1,000 inhabitants in 2022 by centrality class 1..6 (figures.md). */
    private static final double[] SETTLED_PER_1000 = {3.5, 4.0, 5.1, 8.1, 10.7, 14.5};
    /** Share of municipalities offering a service, by centrality class 1..6. */
    private static final double[] SERVICE_PROBABILITY = {0.95, 0.9, 0.75, 0.55, 0.4, 0.3};
    /** Municipalities that settled unaccompanied minors in 2024 (figures.md). */
    private static final int MINOR_MUNICIPALITIES = 57;
    /** Round capacity relative to the persons waiting: a little slack, as in a normal settlement year. */
    private static final double CAPACITY_RATIO = 1.03;

    /** A year of arrivals against annual capacities. */
    public record YearScenario(Instance annual, int[] arrivalWeek) {
    }

    private InstanceGenerator() {
    }

    public static Instance generate(int households, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + households);
        List<KommuneData.Kommune> ks = KommuneData.kommuner();
        List<Household> hs = households(households, ks, rnd, 100.0);
        int persons = hs.stream().mapToInt(Household::persons).sum();
        int minors = hs.stream().filter(Household::unaccompaniedMinor).mapToInt(Household::persons).sum();
        List<Municipality> ms = municipalities(ks, persons, minors, hs, rnd);
        return new Instance("no357-h" + households + "-s" + seed, hs, ms);
    }

    /** Households arrive over 52 weeks, front-loaded like 2022; capacities are for the whole year. */
    public static YearScenario generateYear(int households, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + households);
        List<KommuneData.Kommune> ks = KommuneData.kommuner();
        List<Household> hs = households(households, ks, rnd, 40.0);
        int persons = hs.stream().mapToInt(Household::persons).sum();
        int minors = hs.stream().filter(Household::unaccompaniedMinor).mapToInt(Household::persons).sum();
        List<Municipality> ms = municipalities(ks, persons, minors, hs, rnd);
        int[] week = new int[households];
        for (int i = 0; i < households; i++) {
            // Weight 2 for the first 8 weeks, 1 afterwards: the spring surge seen in 2022.
            double x = rnd.nextDouble() * (16 + 44);
            week[i] = x < 16 ? (int) (x / 2) : 8 + (int) (x - 16);
        }
        return new YearScenario(new Instance("no357-year-h" + households + "-s" + seed, hs, ms), week);
    }

    private static List<Household> households(int n, List<KommuneData.Kommune> ks, SplittableRandom rnd,
            double meanWaitDays) {
        double[] popWeights = ks.stream().mapToDouble(k -> k.population()).toArray();
        List<Household> out = new ArrayList<>(n);
        int groupCounter = 0;
        int groupLeft = 0;
        String group = null;
        for (int i = 0; i < n; i++) {
            double t = rnd.nextDouble();
            int persons;
            boolean minor = false;
            boolean family = false;
            if (t < 0.04) {
                persons = 1;
                minor = true;
            } else if (t < 0.44) {
                persons = 1; // single man (0.26) or single woman (0.14); sex is not a model input
            } else if (t < 0.68) {
                persons = Math.min(9, 1 + 1 + geometric(rnd, 0.5));
                family = true;
            } else if (t < 0.78) {
                persons = 2;
            } else {
                persons = Math.min(9, 2 + 1 + geometric(rnd, 0.4));
                family = true;
            }
            int days = (int) Math.min(720, -meanWaitDays * Math.log(1 - rnd.nextDouble()));
            Set<String> services = new TreeSet<>();
            double sr = rnd.nextDouble();
            if (sr < 0.12) {
                services.add(SERVICES[1 + rnd.nextInt(SERVICES.length - 1)]);
                if (sr < 0.02) {
                    services.add(SERVICES[1 + rnd.nextInt(SERVICES.length - 1)]);
                }
            }
            String close = rnd.nextDouble() < 0.03 ? pick(ks, popWeights, rnd) : null;
            String wider = rnd.nextDouble() < 0.12 ? pick(ks, popWeights, rnd) : null;
            String job = !minor && rnd.nextDouble() < 0.05 ? pick(ks, popWeights, rnd) : null;
            String dwelling = !minor && rnd.nextDouble() < 0.04 ? pick(ks, popWeights, rnd) : null;
            Set<String> rejected = new HashSet<>();
            if (rnd.nextDouble() < 0.06) {
                int r = 1 + rnd.nextInt(3);
                for (int j = 0; j < r; j++) {
                    rejected.add(pick(ks, popWeights, rnd));
                }
            }
            if (groupLeft == 0 && !minor && rnd.nextDouble() < 0.015) {
                group = "G" + (++groupCounter);
                groupLeft = 2 + rnd.nextInt(2);
            }
            String g = null;
            if (groupLeft > 0 && !minor) {
                g = group;
                groupLeft--;
            }
            boolean work = !minor && rnd.nextDouble() < 0.7;
            boolean edu = !minor && rnd.nextDouble() < 0.55;
            out.add(new Household(String.format("H%05d", i + 1), persons, minor, family, services, days,
                    Household.defaultTargetDays(minor, family), close, wider, job, dwelling, rejected, g, work,
                    edu));
        }
        return out;
    }

    private static List<Municipality> municipalities(List<KommuneData.Kommune> ks, int persons, int minors,
            List<Household> hs, SplittableRandom rnd) {
        Map<String, Set<String>> nb = KommuneData.neighbours();
        int mCount = ks.size();
        double[] w = new double[mCount];
        double sum = 0;
        for (int m = 0; m < mCount; m++) {
            KommuneData.Kommune k = ks.get(m);
            double noise = Math.exp(0.35 * gaussian(rnd));
            w[m] = k.population() * SETTLED_PER_1000[k.centrality() - 1] / 1000.0 * noise;
            // A couple of municipalities decline to settle anyone this round, as in 2022.
            if (rnd.nextDouble() < 0.006) {
                w[m] = 0;
            }
            sum += w[m];
        }
        double total = CAPACITY_RATIO * persons;
        int[] cap = new int[mCount];
        for (int m = 0; m < mCount; m++) {
            cap[m] = (int) Math.floor(total * w[m] / sum + rnd.nextDouble());
        }
        int minorMunicipalities = Math.min(MINOR_MUNICIPALITIES, Math.max(3, minors / 2));
        boolean[] takesMinors = new boolean[mCount];
        double[] popW = ks.stream().mapToDouble(k -> Math.sqrt(k.population())).toArray();
        for (int chosen = 0; chosen < minorMunicipalities;) {
            int m = pickIndex(popW, rnd);
            if (!takesMinors[m] && cap[m] > 0) {
                takesMinors[m] = true;
                chosen++;
            }
        }
        double minorWeight = 0;
        for (int m = 0; m < mCount; m++) {
            minorWeight += takesMinors[m] ? cap[m] : 0;
        }
        long large = hs.stream().filter(h -> h.persons() >= Municipality.LARGE_HOUSEHOLD).count();
        double largeShare = persons == 0 ? 0 : (double) large / persons;
        List<Municipality> out = new ArrayList<>(mCount);
        for (int m = 0; m < mCount; m++) {
            KommuneData.Kommune k = ks.get(m);
            int c = k.centrality();
            int minorPlaces = takesMinors[m]
                    ? Math.max(1, (int) Math.round(1.25 * minors * cap[m] / Math.max(1, minorWeight))) : 0;
            Set<String> services = new TreeSet<>();
            for (int s = 0; s < SERVICES.length; s++) {
                double p = SERVICE_PROBABILITY[c - 1] * (s == 0 ? 1.0 : 0.85);
                if (rnd.nextDouble() < p) {
                    services.add(SERVICES[s]);
                }
            }
            int[] dw = new int[Municipality.MAX_DWELLING_CLASS + 1];
            double base = cap[m];
            double[] perSize = {0, 0.12, 0.10, 0.08, 0.06, 0.6 * largeShare, 0.35 * largeShare, 0.18 * largeShare,
                0.09 * largeShare, 0.06 * largeShare};
            for (int s = 1; s <= Municipality.MAX_DWELLING_CLASS; s++) {
                dw[s] = (int) Math.floor(base * perSize[s] + rnd.nextDouble());
            }
            double labour = clamp(0.85 - 0.08 * (c - 1) + 0.1 * gaussian(rnd));
            double education = clamp(Math.log10(Math.max(1000, k.population())) / 5.0 - 0.5 + 0.1 * gaussian(rnd));
            double heavy = rnd.nextDouble() * rnd.nextDouble();
            boolean closed = rnd.nextDouble() < 0.02;
            out.add(new Municipality(k.number(), k.name(), cap[m], minorPlaces, services, dw,
                    nb.getOrDefault(k.number(), Set.of()), labour, education, c, heavy, closed));
        }
        return out;
    }

    private static int geometric(SplittableRandom rnd, double p) {
        int n = 0;
        while (rnd.nextDouble() >= p && n < 8) {
            n++;
        }
        return n;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double clamp(double x) {
        return Math.max(0.0, Math.min(1.0, x));
    }

    private static String pick(List<KommuneData.Kommune> ks, double[] weights, SplittableRandom rnd) {
        return ks.get(pickIndex(weights, rnd)).number();
    }

    private static int pickIndex(double[] weights, SplittableRandom rnd) {
        double total = 0;
        for (double x : weights) {
            total += x;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
