package no.bosetting.deadlines.internal;

import java.util.Optional;

import no.bosetting.access.UserAccounts;
import no.bosetting.shared.outbox.RecipientAddresses;
import org.springframework.stereotype.Component;

/** The outbox's e-mail copies go to the address in the user's account; refugees and unknown users get none. */
@Component
class UserEmailAddresses implements RecipientAddresses {

    private final UserAccounts users;

    UserEmailAddresses(UserAccounts users) {
        this.users = users;
    }

    @Override
    public Optional<String> emailOf(String recipient) {
        return users.emailOf(recipient);
    }
}
