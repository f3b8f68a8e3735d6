package no.bosetting.allocation.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The soft objective and the pair-level hard rules of the model, shared by the engine, the benchmark's
 * baselines and the MPS export so that every method optimises exactly the same program.
 *
 * <p>Only attributes present on {@link Household} and {@link Municipality} can enter the score; protected
 * attributes do not exist there.
 */
public final class Scorer {

    public static final String PRIORITY = "priority";
    public static final String WAITING = "waiting";
    public static final String LABOUR_MARKET = "labourMarket";
    public static final String EDUCATION = "education";
    public static final String DWELLING_FIT = "dwellingFit";
    public static final String SHARED_HOUSING = "sharedHousing";
    public static final String WIDER_FAMILY = "widerFamily";
    public static final String JOB_OR_STUDY = "jobOrStudy";
    public static final String APPROVED_DWELLING = "approvedDwelling";
    public static final String BALANCE = "balance";
    /** A model's predicted outcome for the pair ({@link PredictedOutcomes}); only when the policy weighs it and the round carries it. */
    public static final String PREDICTED_OUTCOME = "predictedOutcome";

    /** Service name that offers shared housing (bofellesskap) for single adults. */
    public static final String SHARED_HOUSING_SERVICE = "bofellesskap";

    /** Waiting beyond the target grows faster, but is capped so one case cannot dominate the whole round. */
    private static final double MAX_WAITING_VALUE = 6.0;

    private final Policy policy;
    private final List<Household> households;
    private final List<Municipality> municipalities;
    private final Map<String, Integer> municipalityIndex = new HashMap<>();
    private final boolean[][] adjacent;
    private final double[] householdConstant;
    private final int[] wider;
    private final int[] job;
    private final int[] approved;
    private final int[] closeFamily;
    // Flat copies of the record data so the millions of pair evaluations of a national round avoid hashing.
    private final long[] municipalityServices;
    private final long[] requiredServices;
    private final boolean[] requiresUnknownService;
    private final int[][] rejected;
    private final int[][] roomFor;
    private final int[] persons;
    private final boolean[] minor;
    private final int[] minorPlaces;
    private final int[] places;
    private final boolean[] closed;
    private final boolean[] sharedHousing;
    private final double[] labour;
    private final double[] education;
    private final double[] heavyLoad;
    private final double[] labourNeed;
    private final double[] educationNeed;
    private final boolean[] singleAdult;
    private final boolean[] heavy;
    /** Predicted outcome per pair, or {@code null} when the term is off (weight 0 or no predictions): then no code path reads it. */
    private final double[][] outcome;

    public Scorer(Policy policy, Instance instance) {
        this.policy = policy;
        this.households = instance.households();
        this.municipalities = instance.municipalities();
        int mCount = municipalities.size();
        for (int m = 0; m < mCount; m++) {
            municipalityIndex.put(municipalities.get(m).number(), m);
        }
        adjacent = new boolean[mCount][mCount];
        for (int m = 0; m < mCount; m++) {
            for (String n : municipalities.get(m).neighbours()) {
                Integer j = municipalityIndex.get(n);
                if (j != null) {
                    adjacent[m][j] = true;
                    adjacent[j][m] = true;
                }
            }
        }
        int hCount = households.size();
        householdConstant = new double[hCount];
        wider = new int[hCount];
        job = new int[hCount];
        approved = new int[hCount];
        closeFamily = new int[hCount];
        for (int h = 0; h < hCount; h++) {
            Household hh = households.get(h);
            householdConstant[h] = policy.priority() * priorityValue(hh) + policy.waiting() * waitingValue(hh);
            wider[h] = indexOf(hh.widerFamilyMunicipality());
            job[h] = indexOf(hh.jobOrStudyMunicipality());
            approved[h] = indexOf(hh.approvedDwellingMunicipality());
            closeFamily[h] = hh.closeFamilyMunicipality() == null ? -1 : indexOfOrUnknown(hh.closeFamilyMunicipality());
        }
        Map<String, Integer> serviceBit = new HashMap<>();
        municipalityServices = new long[mCount];
        roomFor = new int[mCount][Municipality.MAX_DWELLING_CLASS + 2];
        minorPlaces = new int[mCount];
        places = new int[mCount];
        closed = new boolean[mCount];
        sharedHousing = new boolean[mCount];
        labour = new double[mCount];
        education = new double[mCount];
        heavyLoad = new double[mCount];
        for (int m = 0; m < mCount; m++) {
            Municipality mm = municipalities.get(m);
            for (String service : mm.services()) {
                Integer bit = serviceBit.computeIfAbsent(service, k -> serviceBit.size());
                if (bit < Long.SIZE) {
                    municipalityServices[m] |= 1L << bit;
                }
            }
            int[] d = mm.dwellingsBySize();
            for (int k = Municipality.MAX_DWELLING_CLASS; k >= 0; k--) {
                roomFor[m][k] = roomFor[m][k + 1] + d[k];
            }
            minorPlaces[m] = mm.remainingMinorPlaces();
            places[m] = mm.remainingPlaces();
            closed[m] = mm.closedToRequests();
            sharedHousing[m] = mm.services().contains(SHARED_HOUSING_SERVICE);
            labour[m] = mm.labourMarketIndex();
            education[m] = mm.educationIndex();
            heavyLoad[m] = mm.heavyCaseLoad();
        }
        boolean overflow = serviceBit.size() > Long.SIZE;
        requiredServices = new long[hCount];
        requiresUnknownService = new boolean[hCount];
        rejected = new int[hCount][];
        persons = new int[hCount];
        minor = new boolean[hCount];
        labourNeed = new double[hCount];
        educationNeed = new double[hCount];
        singleAdult = new boolean[hCount];
        heavy = new boolean[hCount];
        for (int h = 0; h < hCount; h++) {
            Household hh = households.get(h);
            persons[h] = hh.persons();
            minor[h] = hh.unaccompaniedMinor();
            labourNeed[h] = hh.unaccompaniedMinor() ? 0.0 : hh.workExperience() ? 1.0 : 0.4;
            educationNeed[h] = hh.unaccompaniedMinor() || hh.higherEducation() ? 1.0 : 0.4;
            singleAdult[h] = hh.persons() == 1 && !hh.unaccompaniedMinor();
            heavy[h] = heavy(hh);
            for (String service : hh.requiredServices()) {
                Integer bit = serviceBit.get(service);
                if (bit == null || overflow) {
                    requiresUnknownService[h] |= bit == null;
                } else {
                    requiredServices[h] |= 1L << bit;
                }
            }
            rejected[h] = hh.rejectedBy().stream().map(municipalityIndex::get).filter(i -> i != null)
                    .mapToInt(Integer::intValue).sorted().toArray();
        }
        this.servicesOverflow = overflow;
        this.outcome = outcomes(policy, instance);
    }

    private static double[][] outcomes(Policy policy, Instance instance) {
        PredictedOutcomes predicted = instance.predictedOutcomes();
        if (policy.predictedOutcome() <= 0 || predicted.isEmpty()) {
            return null;
        }
        List<Household> hs = instance.households();
        List<Municipality> ms = instance.municipalities();
        double[][] o = new double[hs.size()][];
        for (int h = 0; h < hs.size(); h++) {
            Map<String, Double> row = predicted.forHousehold(hs.get(h).id());
            o[h] = new double[ms.size()];
            for (int m = 0; m < ms.size() && !row.isEmpty(); m++) {
                o[h][m] = row.getOrDefault(ms.get(m).number(), 0.0);
            }
        }
        return o;
    }

    /** Whether the predicted-outcome term acts in this round (weight above 0 and predictions present). */
    public boolean predictedOutcomeActs() {
        return outcome != null;
    }

    private final boolean servicesOverflow;

    private int indexOf(String number) {
        if (number == null) {
            return -1;
        }
        return municipalityIndex.getOrDefault(number, -1);
    }

    /** -2 marks a close-family municipality that is not in the instance, so no municipality qualifies. */
    private int indexOfOrUnknown(String number) {
        return municipalityIndex.getOrDefault(number, -2);
    }

    public int municipalityIndex(String number) {
        return municipalityIndex.getOrDefault(number, -1);
    }

    static double priorityValue(Household h) {
        return 1.0 + (h.unaccompaniedMinor() ? 1.0 : 0.0) + (h.familyWithChildren() ? 0.5 : 0.0);
    }

    static double waitingValue(Household h) {
        double ratio = (double) h.daysWaited() / h.targetDays();
        double overdue = Math.max(0.0, ratio - 1.0);
        return Math.min(MAX_WAITING_VALUE, ratio + 2.0 * overdue);
    }

    static boolean heavy(Household h) {
        return !h.requiredServices().isEmpty() || h.persons() >= Municipality.LARGE_HOUSEHOLD;
    }

    /**
     * Pair-level hard rules (everything except the shared capacity rows and together-groups): close family,
     * rejection, required services, closed municipality, minors places, a large-enough dwelling, and the
     * household fitting into the remaining places at all.
     */
    public boolean eligible(int h, int m) {
        return ineligibility(h, m) == null;
    }

    /** Which pair-level hard rule excludes the pair, or {@code null} if none. */
    public UnassignedReason.Code ineligibility(int h, int m) {
        if (closeFamily[h] != -1 && closeFamily[h] != m) {
            return UnassignedReason.Code.CLOSE_FAMILY_MUNICIPALITY_UNSUITABLE;
        }
        if (closed[m] && approved[h] != m) {
            return UnassignedReason.Code.ALL_CLOSED;
        }
        if (!offersRequiredServices(h, m)) {
            return UnassignedReason.Code.NO_MUNICIPALITY_WITH_REQUIRED_SERVICES;
        }
        for (int r : rejected[h]) {
            if (r == m) {
                return UnassignedReason.Code.ALL_REJECTED;
            }
        }
        if (minor[h] && minorPlaces[m] < persons[h]) {
            return UnassignedReason.Code.NO_MINOR_PLACES;
        }
        if (persons[h] >= Municipality.LARGE_HOUSEHOLD
                && roomFor[m][Math.min(persons[h], Municipality.MAX_DWELLING_CLASS)] == 0) {
            return UnassignedReason.Code.NO_LARGE_DWELLING;
        }
        if (persons[h] > places[m]) {
            return UnassignedReason.Code.CAPACITY_EXHAUSTED;
        }
        return null;
    }

    private boolean offersRequiredServices(int h, int m) {
        if (requiresUnknownService[h]) {
            return false;
        }
        if (servicesOverflow) {
            return municipalities.get(m).services().containsAll(households.get(h).requiredServices());
        }
        return (municipalityServices[m] & requiredServices[h]) == requiredServices[h];
    }

    /** Score of placing household {@code h} in municipality {@code m}; meaningful only for eligible pairs. */
    public double score(int h, int m) {
        double s = householdConstant[h];
        s += policy.labourMarket() * labour[m] * labourNeed[h];
        s += policy.education() * education[m] * educationNeed[h];
        s += policy.dwellingFit() * dwellingFitValue(h, m);
        s += policy.sharedHousing() * (singleAdult[h] && sharedHousing[m] ? 1.0 : 0.0);
        s += policy.widerFamily() * tieValue(wider[h], m, 0.6);
        s += policy.jobOrStudy() * tieValue(job[h], m, 0.3);
        s += policy.approvedDwelling() * (approved[h] == m ? 1.0 : 0.0);
        s -= policy.balance() * (heavy[h] ? heavyLoad[m] : 0.0);
        if (outcome != null) {
            s += policy.predictedOutcome() * outcome[h][m];
        }
        return s;
    }

    /** The individual terms behind {@link #score(int, int)}, for explanations. */
    public List<ScoreTerm> terms(int h, int m) {
        Household hh = households.get(h);
        List<ScoreTerm> t = new ArrayList<>();
        add(t, PRIORITY, policy.priority(), priorityValue(hh));
        add(t, WAITING, policy.waiting(), waitingValue(hh));
        add(t, LABOUR_MARKET, policy.labourMarket(), labour[m] * labourNeed[h]);
        add(t, EDUCATION, policy.education(), education[m] * educationNeed[h]);
        add(t, DWELLING_FIT, policy.dwellingFit(), dwellingFitValue(h, m));
        add(t, SHARED_HOUSING, policy.sharedHousing(), singleAdult[h] && sharedHousing[m] ? 1.0 : 0.0);
        add(t, WIDER_FAMILY, policy.widerFamily(), tieValue(wider[h], m, 0.6));
        add(t, JOB_OR_STUDY, policy.jobOrStudy(), tieValue(job[h], m, 0.3));
        add(t, APPROVED_DWELLING, policy.approvedDwelling(), approved[h] == m ? 1.0 : 0.0);
        add(t, BALANCE, policy.balance(), heavy[h] ? -heavyLoad[m] : 0.0);
        if (outcome != null) {
            add(t, PREDICTED_OUTCOME, policy.predictedOutcome(), outcome[h][m]);
        }
        return t;
    }

    private static void add(List<ScoreTerm> t, String name, double weight, double value) {
        t.add(new ScoreTerm(name, weight, value, weight * value));
    }

    /** A dwelling of exactly the household's size (or one larger) fits best; only larger ones fit half. */
    private double dwellingFitValue(int h, int m) {
        int p = persons[h];
        if (p < 2) {
            return 0.0;
        }
        int s = Math.min(p, Municipality.MAX_DWELLING_CLASS);
        int snug = roomFor[m][s] - roomFor[m][Math.min(s + 2, Municipality.MAX_DWELLING_CLASS + 1)];
        if (snug > 0) {
            return 1.0;
        }
        return roomFor[m][s] > 0 ? 0.5 : 0.0;
    }

    private double tieValue(int tie, int m, double neighbourValue) {
        if (tie < 0) {
            return 0.0;
        }
        if (tie == m) {
            return 1.0;
        }
        return adjacent[tie][m] ? neighbourValue : 0.0;
    }
}
