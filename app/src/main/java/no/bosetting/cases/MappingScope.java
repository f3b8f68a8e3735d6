package no.bosetting.cases;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;

/**
 * Who maps a household living privately: the municipality it lives in. Private residents never went through a
 * centre's interview, and in practice the municipality mapped them (report 000 around lines 3651–3667), so a
 * municipality officer may hold and record the settlement interview of a household living privately in the officer's
 * municipality, while it is under mapping or ready for allocation, and of no one else.
 */
public final class MappingScope {

    static final Set<CaseStatus> STATUSES = EnumSet.of(CaseStatus.UNDER_MAPPING, CaseStatus.READY_FOR_ALLOCATION);

    private MappingScope() {
    }

    /** Whether the officer's municipality is where this household lives privately. */
    public static boolean municipalityMaps(Actor actor, LivingSituation living, String livingMunicipality) {
        return actor.role() == Role.MUNICIPALITY_OFFICER && living == LivingSituation.PRIVATE && actor.isMunicipality(livingMunicipality);
    }

    /** Whether the officer may open this household's interview now. */
    public static boolean sees(Actor actor, CaseSummary summary) {
        return STATUSES.contains(summary.status())
                && municipalityMaps(actor, summary.livingSituation(), summary.livingMunicipalityNumber());
    }
}
