package no.bosetting.interview;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import no.bosetting.municipalities.MunicipalService;

/**
 * A need found in the interview that the settlement municipality must meet. The mapping to the municipality's
 * services is written here once (issue 23 item 1); the specialist health need is recorded only with health consent.
 */
public enum AllocationNeed {
    ACCESSIBLE_DWELLING(MunicipalService.ACCESSIBLE_DWELLING, false),
    SPECIALIST_HEALTH_CARE(MunicipalService.SPECIALIST_HEALTH_CARE, true),
    CHILD_WELFARE_FOLLOW_UP(MunicipalService.CHILD_WELFARE_MINORS, false),
    SHARED_HOUSING(MunicipalService.SHARED_HOUSING, false),
    SPECIAL_NEEDS_SCHOOLING(MunicipalService.SPECIAL_NEEDS_SCHOOLING, false);

    private final MunicipalService service;
    private final boolean health;

    AllocationNeed(MunicipalService service, boolean health) {
        this.service = service;
        this.health = health;
    }

    public MunicipalService service() {
        return service;
    }

    /** A health need: recorded only when a member of the household has consented to health details. */
    public boolean health() {
        return health;
    }

    /** The services the municipality must offer for these needs, as the engine's service codes. */
    public static Set<String> requiredServices(Collection<AllocationNeed> needs) {
        Set<String> codes = new TreeSet<>();
        for (AllocationNeed n : needs) {
            codes.add(n.service.code());
        }
        return codes;
    }

    public static Set<MunicipalService> services(Collection<AllocationNeed> needs) {
        Set<MunicipalService> s = EnumSet.noneOf(MunicipalService.class);
        needs.forEach(n -> s.add(n.service));
        return s;
    }
}
