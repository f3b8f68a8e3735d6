package no.bosetting.shared;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Restrictions on where households may be settled, contributed by the module that owns their reason without saying it
 * (issue 18 item 3: a restricted concern report makes municipalities unsuitable or requires services). The allocation
 * round and the caseworker's review ask here; what they show says only "a restricted reason".
 */
public interface AllocationRestrictions {

    /** Of these households, those with a restriction: municipalities they must not go to and services they require. */
    Map<Long, Restriction> forCases(Collection<Long> caseIds);

    /** Unsuitable municipality numbers and required service codes; the reason stays with the owning module. */
    record Restriction(Set<String> unsuitableMunicipalities, Set<String> requiredServices) {

        public Restriction {
            unsuitableMunicipalities = Set.copyOf(unsuitableMunicipalities);
            requiredServices = Set.copyOf(requiredServices);
        }
    }
}
