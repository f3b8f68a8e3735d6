package no.bosetting.load;

import io.gatling.javaapi.core.Simulation;

/** Every role's journey at once, {@code users} virtual users each: a mixed day. */
public class AllRolesSimulation extends Simulation {
    {
        setUp(Journeys.caseworker(), Journeys.municipality(), Journeys.reception(), Journeys.publicStatistics(), Journeys.api())
                .protocols(Chains.protocol());
    }
}
