package no.bosetting.introduction;

/** The Norwegian test's levels (the Common European Framework's levels the Norwegian tests report). */
public enum NorwegianLevel { A1, A2, B1, B2, C1 }
