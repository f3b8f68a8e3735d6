package no.bosetting.allocation.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One allocation round: the households ready for allocation and the municipalities' situation, and optionally a
 * model's predicted outcome per household and municipality ({@link PredictedOutcomes}; none = the term is off).
 */
public record Instance(String name, List<Household> households, List<Municipality> municipalities,
                       PredictedOutcomes predictedOutcomes) {

    /** A round without predicted outcomes. */
    public Instance(String name, List<Household> households, List<Municipality> municipalities) {
        this(name, households, municipalities, PredictedOutcomes.none());
    }

    public Instance {
        Objects.requireNonNull(name, "name");
        predictedOutcomes = predictedOutcomes == null ? PredictedOutcomes.none() : predictedOutcomes;
        households = List.copyOf(households);
        municipalities = List.copyOf(municipalities);
        Set<String> ids = new HashSet<>();
        for (Household h : households) {
            if (!ids.add(h.id())) {
                throw new IllegalArgumentException("duplicate household id " + h.id());
            }
        }
        Set<String> numbers = new HashSet<>();
        for (Municipality m : municipalities) {
            if (!numbers.add(m.number())) {
                throw new IllegalArgumentException("duplicate municipality " + m.number());
            }
        }
    }

    public int persons() {
        return households.stream().mapToInt(Household::persons).sum();
    }
}
