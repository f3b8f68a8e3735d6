package no.bosetting.grants;

import java.time.LocalDate;
import java.util.Optional;

/** The rate in force on a day for a kind (and, for the integration grant, category and scheme year). */
@FunctionalInterface
public interface RateBook {
    Optional<GrantRate> rate(GrantKind kind, GrantCategory category, Integer schemeYear, LocalDate day);
}
