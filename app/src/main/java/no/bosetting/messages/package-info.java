/**
 * Message threads between the agency and the municipalities, instead of e-mail, phone or a support
 * portal: one thread per case and municipality (the case is proposed to or accepted by it) and one
 * general thread per municipality, with a named contact on each side, read markers for unread counts,
 * and attachments kept in the database with the case.
 */
package no.bosetting.messages;
