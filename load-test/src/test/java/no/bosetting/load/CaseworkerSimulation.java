package no.bosetting.load;

import io.gatling.javaapi.core.Simulation;

/** The caseworker journey (see {@link Journeys#caseworker()}); system properties as in {@link Settings}. */
public class CaseworkerSimulation extends Simulation {
    {
        setUp(Journeys.caseworker()).protocols(Chains.protocol());
    }
}
