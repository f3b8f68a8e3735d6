package no.bosetting.selfservice;

import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.RefugeeIdentities;
import no.bosetting.cases.CaseQueries;
import org.springframework.stereotype.Component;

/** ID-porten proves a national identity number; the refugee is the person registered with it. */
@Component
class RefugeeIdentityLookup implements RefugeeIdentities {

    private final CaseQueries cases;

    RefugeeIdentityLookup(CaseQueries cases) {
        this.cases = cases;
    }

    @Override
    public Optional<Actor> refugeeForNationalId(String nationalId) {
        return cases.dufForNationalId(nationalId).flatMap(duf -> cases.personForDuf(duf)
                .map(person -> Actor.refugee(duf, person.getValue())));
    }
}
