package no.bosetting.housing;

import java.util.EnumSet;
import java.util.Set;

import no.bosetting.access.Role;
import no.bosetting.access.Transition;

/**
 * The municipality's commands on a private housing offer: the quality-assurance checklist is saved while the offer is
 * received, and the offer is then approved (it becomes a dwelling) or rejected. Scope: the offer's own municipality.
 */
public enum OfferCommand implements Transition<OfferStatus> {
    SAVE_CHECKLIST(null),
    APPROVE(OfferStatus.APPROVED),
    REJECT(OfferStatus.REJECTED);

    private final OfferStatus to;

    OfferCommand(OfferStatus to) {
        this.to = to;
    }

    @Override
    public Set<OfferStatus> from() {
        return EnumSet.of(OfferStatus.RECEIVED);
    }

    @Override
    public OfferStatus target() {
        return to;
    }

    @Override
    public Set<Role> roles() {
        return EnumSet.of(Role.MUNICIPALITY_OFFICER);
    }
}
