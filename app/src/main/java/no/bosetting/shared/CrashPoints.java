package no.bosetting.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The moments {@code bin/crash-test} (issue 22 item 5) kills a node at: inside the acceptance transaction after the
 * places are taken and before it commits, and inside the outbox dispatch after an e-mail is handed to the SMTP server
 * and before it is marked sent. In the {@code crash-test} profile with {@code bosetting.crash-test.pause-ms} above 0,
 * each point logs {@code crash-test: at <point> <id>} and sleeps that long, so the script can {@code kill -9} the node
 * there; in every other profile the property is ignored and a point costs nothing.
 */
@Component
public class CrashPoints {

    /** The crash points of a component built without Spring (tests): never pause. */
    public static final CrashPoints NONE = new CrashPoints(0);

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

    private final long pauseMs;

    @org.springframework.beans.factory.annotation.Autowired
    public CrashPoints(Environment env, @Value("${bosetting.crash-test.pause-ms:0}") long pauseMs) {
        this(env.acceptsProfiles(Profiles.of("crash-test")) ? pauseMs : 0);
        if (this.pauseMs > 0) {
            log.warn("crash-test profile: pausing {} ms at each crash point (acceptance, e-mail dispatch)", this.pauseMs);
        }
    }

    private CrashPoints(long pauseMs) {
        this.pauseMs = Math.max(0, pauseMs);
    }

    /** Whether the points pause (the crash-test profile with a pause set). */
    public boolean active() {
        return pauseMs > 0;
    }

    /** At crash point {@code point} for {@code id}: pauses in the crash-test profile, otherwise returns at once. */
    public void reached(String point, long id) {
        if (pauseMs == 0) {
            return;
        }
        log.warn("crash-test: at {} {}", point, id);
        try {
            Thread.sleep(pauseMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
