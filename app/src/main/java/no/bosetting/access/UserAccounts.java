package no.bosetting.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff user accounts with role and scope. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                select username, display_name, role, municipality_number, reception_centre_id, password_hash, enabled
                from app_user where username = :u
                """)
                .param("u", username)
                .query((rs, n) -> new BosettingUser(new Actor(rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getString("municipality_number"),
                        (Long) rs.getObject("reception_centre_id")), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** The actor of an enabled account: what a token from the identity provider may sign in as. */
    public Optional<Actor> findEnabledActor(String username) {
        try {
            BosettingUser user = (BosettingUser) loadUserByUsername(username);
            return user.isEnabled() ? Optional.of(user.actor()) : Optional.empty();
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    public Optional<Actor> findActor(String username) {
        try {
            return Optional.of(((BosettingUser) loadUserByUsername(username)).actor());
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The password every demo account is created with (see the demo module); never valid in production. */
    public static final String DEMO_PASSWORD = "demo";

    /** The mail domain of the demo accounts: an account with a local password and no address gets {@code <username>@bosetting.test}. */
    public static final String DEMO_MAIL_DOMAIN = "bosetting.test";

    @Transactional
    public void createIfMissing(Actor actor, String rawPassword, String email) {
        if ((email == null || email.isBlank()) && rawPassword != null) {
            email = actor.username() + "@" + DEMO_MAIL_DOMAIN;
        }
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, municipality_number,
                                      reception_centre_id, email, created_at, created_by)
                values (:u, :p, :d, :r, :m, :c, :e, :now, 'system')
                on conflict (username) do nothing
                """)
                .param("u", actor.username())
                .param("p", rawPassword == null ? null : encoder.encode(rawPassword))
                .param("d", actor.displayName())
                .param("r", actor.role().name())
                .param("m", actor.municipalityNumber())
                .param("c", actor.receptionCentreId())
                .param("e", email)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /**
     * Disables every enabled account that is a demo account: its password is {@link #DEMO_PASSWORD} or its
     * address is at the demo mail domain. The password is removed too, so re-enabling cannot bring it back.
     * Returns the usernames disabled. Checks each local password hash, so it costs one hash check per
     * account with a local password (production signs staff in through OIDC, so there are few or none).
     */
    @Transactional
    public List<String> disableDemoAccounts() {
        List<String> demo = jdbc.sql("""
                        select username, password_hash, email from app_user
                        where enabled and (password_hash is not null or email like :domain) order by username
                        """)
                .param("domain", "%@" + DEMO_MAIL_DOMAIN)
                .query((rs, n) -> {
                    String hash = rs.getString("password_hash");
                    String email = rs.getString("email");
                    boolean demoPassword = hash != null && encoder.matches(DEMO_PASSWORD, hash);
                    boolean demoAddress = email != null && email.endsWith("@" + DEMO_MAIL_DOMAIN);
                    return demoPassword || demoAddress ? rs.getString("username") : "";
                })
                .list().stream().filter(u -> !u.isEmpty()).toList();
        for (String username : demo) {
            jdbc.sql("update app_user set enabled = false, password_hash = null where username = :u").param("u", username).update();
        }
        return demo;
    }

    /** Whether an enabled agency administrator exists. */
    public boolean hasEnabledAdministrator() {
        return jdbc.sql("select exists (select 1 from app_user where role = 'AGENCY_ADMIN' and enabled)").query(Boolean.class).single();
    }

    /**
     * Creates the first agency administrator, only while no enabled administrator exists (under a database
     * lock, so two nodes starting together create at most one). The password may be null for an account that
     * signs in through OIDC only. Returns whether it was created.
     */
    @Transactional
    public boolean createFirstAdministrator(String username, String rawPassword, String email) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('bosetting.first-administrator'))").query((rs, n) -> 1).single();
        if (hasEnabledAdministrator()) {
            return false;
        }
        return jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, email, created_at, created_by)
                values (:u, :p, 'Administrator', 'AGENCY_ADMIN', :e, :now, 'bootstrap')
                on conflict (username) do nothing
                """)
                .param("u", username)
                .param("p", rawPassword == null ? null : encoder.encode(rawPassword))
                .param("e", email)
                .param("now", OffsetDateTime.now(clock))
                .update() == 1;
    }

    /** Demo accounts for the login page (only listed when demo data is enabled). */
    public List<Actor> demoUsers() {
        return jdbc.sql("select username, display_name, role, municipality_number, reception_centre_id from app_user where password_hash is not null and enabled order by role, username limit 50")
                .query((rs, n) -> new Actor(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4),
                        (Long) rs.getObject(5)))
                .list();
    }

    /** Usernames of the staff who should hear about a municipality's or a centre's cases. */
    public List<String> usernamesForMunicipality(String municipalityNumber) {
        return jdbc.sql("select username from app_user where role = 'MUNICIPALITY_OFFICER' and municipality_number = :m and enabled order by username")
                .param("m", municipalityNumber).query(String.class).list();
    }

    /** Usernames of every enabled account with a role (e.g. the agency's caseworkers, for notifications). */
    public List<String> usernamesForRole(Role role) {
        return jdbc.sql("select username from app_user where role = :r and enabled order by username")
                .param("r", role.name()).query(String.class).list();
    }

    /** Usernames of the agency's caseworkers, who hear about escalated deadlines and long-waiting households. */
    public List<String> usernamesForAgencyCaseworkers() {
        return jdbc.sql("select username from app_user where role = 'AGENCY_CASEWORKER' and enabled order by username")
                .query(String.class).list();
    }

    /** The user's e-mail address, if they have one and are enabled. */
    public Optional<String> emailOf(String username) {
        return jdbc.sql("select email from app_user where username = :u and enabled and email is not null and email <> ''")
                .param("u", username).query(String.class).optional();
    }

    public List<String> usernamesForReceptionCentre(long centreId) {
        return jdbc.sql("select username from app_user where role = 'RECEPTION_STAFF' and reception_centre_id = :c and enabled order by username")
                .param("c", centreId).query(String.class).list();
    }
}
