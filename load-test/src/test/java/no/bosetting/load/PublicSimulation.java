package no.bosetting.load;

import io.gatling.javaapi.core.Simulation;

/** The public journey (see {@link Journeys#publicStatistics()}); system properties as in {@link Settings}. */
public class PublicSimulation extends Simulation {
    {
        setUp(Journeys.publicStatistics()).protocols(Chains.protocol());
    }
}
