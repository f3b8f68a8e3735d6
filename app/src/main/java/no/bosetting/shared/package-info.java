/**
 * Small, boring building blocks every module may use: identifiers, time, command results,
 * the outbox, database start-up and web basics.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package no.bosetting.shared;
