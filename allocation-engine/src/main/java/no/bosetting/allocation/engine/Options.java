package no.bosetting.allocation.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Run options.
 *
 * @param seed       drives every tie-break that is not decided by the data; same input and seed give the same
 *                   output
 * @param timeLimit  wall-clock budget; the engine stops improving when it is spent. The search itself is
 *                   bounded by work counts, so a run that finishes within the limit is reproducible; only a
 *                   run cut short by the limit depends on machine speed
 * @param pins       household id to municipality number fixed by a caseworker; pinning one household of a
 *                   together-group pins the whole group
 * @param potentials per-person shadow prices by municipality number (year mode). When present the engine
 *                   still places every household it can, but chooses municipalities by score minus
 *                   potential × persons; objective, bound and gap then refer to that adjusted objective.
 */
public record Options(long seed, Duration timeLimit, Map<String, String> pins, Map<String, Double> potentials) {

    public Options {
        Objects.requireNonNull(timeLimit, "timeLimit");
        pins = pins == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(pins));
        potentials = potentials == null ? Map.of() : Map.copyOf(potentials);
        for (double p : potentials.values()) {
            if (!Double.isFinite(p) || p < 0) {
                throw new IllegalArgumentException("potentials must be finite and >= 0");
            }
        }
    }

    public static Options defaults() {
        return new Options(1L, Duration.ofSeconds(10), Map.of(), Map.of());
    }

    public Options withSeed(long s) {
        return new Options(s, timeLimit, pins, potentials);
    }

    public Options withTimeLimit(Duration limit) {
        return new Options(seed, limit, pins, potentials);
    }

    public Options withPins(Map<String, String> p) {
        return new Options(seed, timeLimit, p, potentials);
    }

    public Options withPotentials(Map<String, Double> p) {
        return new Options(seed, timeLimit, pins, p);
    }
}
