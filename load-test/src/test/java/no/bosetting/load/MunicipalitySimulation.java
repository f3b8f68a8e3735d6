package no.bosetting.load;

import io.gatling.javaapi.core.Simulation;

/** The municipality journey (see {@link Journeys#municipality()}); system properties as in {@link Settings}. */
public class MunicipalitySimulation extends Simulation {
    {
        setUp(Journeys.municipality()).protocols(Chains.protocol());
    }
}
