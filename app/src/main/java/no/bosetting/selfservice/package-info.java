/**
 * The refugee's own pages: sign-in with DUF number and a one-time code (ID-porten in production), the
 * refugee layout (bokmål, English, Ukrainian), "My case" with the steps, the offer and the decision in
 * plain language, messages to the agency and the refugee's notifications. Only the own household.
 */
package no.bosetting.selfservice;
