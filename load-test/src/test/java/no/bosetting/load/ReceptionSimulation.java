package no.bosetting.load;

import io.gatling.javaapi.core.Simulation;

/** The reception journey (see {@link Journeys#reception()}); system properties as in {@link Settings}. */
public class ReceptionSimulation extends Simulation {
    {
        setUp(Journeys.reception()).protocols(Chains.protocol());
    }
}
