package no.bosetting.shared;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * A reason to keep households out of allocation for now, contributed by the module that owns the reason
 * (for example an open opt-in window of agreed self-settlement). Neither the engine's rounds nor a
 * caseworker's manual distribution list may propose a held household. Lets allocation and proposals ask
 * without depending on the owning module.
 */
public interface AllocationHolds {

    /** Of these households, those held out of allocation on {@code today}. */
    Set<Long> heldCaseIds(Collection<Long> caseIds, LocalDate today);

    /** Message key (no arguments) that says why a household is held, shown next to it. */
    String reasonKey();
}
