package no.bosetting.allocation;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * The number of households a distribution round takes on a day when crisis mode says so (issue 18 item 1: larger
 * rounds), empty otherwise. Implemented by the module that owns the configuration ({@code crisis}).
 */
public interface RoundSize {

    OptionalInt roundSizeOn(LocalDate day);
}
