package no.bosetting.shared.outbox;

import java.util.Optional;

/**
 * Where a recipient of the outbox (a username) receives e-mail. Implemented by the module that knows
 * the users' addresses; empty when the user has none, and then only the in-app notification is made.
 */
public interface RecipientAddresses {

    Optional<String> emailOf(String recipient);
}
