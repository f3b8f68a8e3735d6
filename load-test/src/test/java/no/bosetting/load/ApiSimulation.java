package no.bosetting.load;

import io.gatling.javaapi.core.Simulation;

/** The api journey (see {@link Journeys#api()}); system properties as in {@link Settings}. */
public class ApiSimulation extends Simulation {
    {
        setUp(Journeys.api()).protocols(Chains.protocol());
    }
}
