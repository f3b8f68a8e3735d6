package no.bosetting.access;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Staff accounts at start-up, before the application takes requests (after the migrations):
 * <ol>
 * <li>in the {@code prod} profile, every demo account (password {@code demo}, or an address at the demo
 * mail domain) is disabled and its password removed — a production database that was ever started with
 * demo data has them, and nothing else may ever sign in with them;</li>
 * <li>when {@code BOSETTING_BOOTSTRAP_ADMIN_USERNAME} is set and no enabled agency administrator exists, that
 * administrator is created, with {@code BOSETTING_BOOTSTRAP_ADMIN_PASSWORD} for the login form (at least
 * {@value #MIN_PASSWORD_LENGTH} characters) or without a password to sign in through OIDC only. Once an
 * administrator exists this does nothing, so the variables can be removed after the first start.</li>
 * </ol>
 */
@Component
public class AccountBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    static final int MIN_PASSWORD_LENGTH = 12;

    private final UserAccounts accounts;
    private final SignInThrottle audit;
    private final boolean production;
    private final String username;
    private final String password;
    private final String email;

    public AccountBootstrap(UserAccounts accounts, SignInThrottle audit, Environment environment,
                            @Value("${bosetting.bootstrap-admin.username:}") String username,
                            @Value("${bosetting.bootstrap-admin.password:}") String password,
                            @Value("${bosetting.bootstrap-admin.email:}") String email) {
        this.accounts = accounts;
        this.audit = audit;
        this.production = environment.acceptsProfiles(Profiles.of("prod"));
        this.username = blankToNull(username);
        this.password = password == null || password.isBlank() ? null : password;
        this.email = blankToNull(email);
        if (this.password != null && this.password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("BOSETTING_BOOTSTRAP_ADMIN_PASSWORD (bosetting.bootstrap-admin.password) must have at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        if (this.password != null && this.username == null) {
            throw new IllegalStateException("BOSETTING_BOOTSTRAP_ADMIN_PASSWORD is set without BOSETTING_BOOTSTRAP_ADMIN_USERNAME");
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (production) {
            disableDemoAccounts();
        }
        bootstrapAdministrator();
    }

    /** Disables the demo accounts (the {@code prod} profile does this at every start); returns their usernames. */
    public List<String> disableDemoAccounts() {
        List<String> disabled = accounts.disableDemoAccounts();
        for (String user : disabled) {
            audit.record("DEMO_ACCOUNT_DISABLED", user, "demo account disabled at start-up in the prod profile");
        }
        if (!disabled.isEmpty()) {
            log.warn("Disabled {} demo account(s) found in the production database: {}", disabled.size(), disabled);
        }
        return disabled;
    }

    /** Creates the configured first administrator if none exists; returns whether it did. */
    public boolean bootstrapAdministrator() {
        if (username == null) {
            return false;
        }
        if (!accounts.createFirstAdministrator(username, password, email)) {
            if (accounts.hasEnabledAdministrator()) {
                log.info("An agency administrator exists; BOSETTING_BOOTSTRAP_ADMIN_USERNAME is ignored and may be removed");
            } else {
                log.error("Could not create the bootstrap administrator '{}': the username is taken by a disabled account", username);
            }
            return false;
        }
        audit.record("BOOTSTRAP_ADMIN_CREATED", username, password == null ? "OIDC sign-in only" : "with a local password");
        log.warn("Created the first agency administrator '{}' from BOSETTING_BOOTSTRAP_ADMIN_USERNAME{}", username,
                password == null ? " (OIDC sign-in only)" : "; remove BOSETTING_BOOTSTRAP_ADMIN_PASSWORD from the environment");
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
