package no.bosetting.allocation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import no.bosetting.allocation.engine.AllocationEngine;
import no.bosetting.allocation.engine.AllocationResult;
import no.bosetting.allocation.internal.RoundBuilder;
import no.bosetting.cases.CaseSummary;
import org.springframework.stereotype.Component;

/**
 * Solves a round without storing it, to show where one household would go and why: used by the demo to show a job offer
 * and wider family moving a proposal (issue 23). A caseworker's real round is {@link AllocationRuns#propose}.
 */
@Component
public class RoundPreview {

    /** Where the household would be proposed, and the deciding reasons in the locale's words. */
    public record Preview(String municipality, List<String> reasons) {
    }

    private final RoundBuilder rounds;
    private final AllocationPolicies policies;
    private final AllocationExplanations explanations;

    RoundPreview(RoundBuilder rounds, AllocationPolicies policies, AllocationExplanations explanations) {
        this.rounds = rounds;
        this.policies = policies;
        this.explanations = explanations;
    }

    public Optional<Preview> preview(List<CaseSummary> households, LocalDate today, long caseId, Locale locale) {
        AllocationPolicy policy = policies.current();
        RoundBuilder.Round round = rounds.buildRound("preview-" + today, households, today, policy);
        AllocationResult result = new AllocationEngine().solve(round.instance(), policy.toEngine(),
                no.bosetting.allocation.engine.Options.defaults().withSeed(today.toEpochDay()).withTimeLimit(Duration.ofSeconds(5)));
        String id = String.valueOf(caseId);
        String municipality = result.assignment().get(id);
        if (municipality == null) {
            return Optional.empty();
        }
        String stored = explanations.forRound(round, policy.toEngine()).store(id, result.explanations().get(id));
        return Optional.of(new Preview(municipality, explanations.word(stored, locale).reasons()));
    }

    /** Whether the municipality has places for at least one more person in today's round. */
    public boolean hasPlaces(String municipalityNumber, LocalDate today) {
        return rounds.build("places-" + today, List.of(), today).municipalities().stream()
                .anyMatch(m -> m.number().equals(municipalityNumber) && m.remainingPlaces() >= 1);
    }
}
