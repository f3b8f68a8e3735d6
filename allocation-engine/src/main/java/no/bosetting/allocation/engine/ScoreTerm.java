package no.bosetting.allocation.engine;

/** One soft term of a household's score at a municipality: contribution = weight × value. */
public record ScoreTerm(String name, double weight, double value, double contribution) {
}
