package no.bosetting.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a run is told through system properties (bin/load-test sets them; defaults suit a hand-run against the app on
 * port 8461 with the national data set). Ids come from the database the app runs on, chosen by bin/load-test.
 */
final class Settings {

    static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8461");
    /** Every demo user's password. */
    static final String PASSWORD = System.getProperty("password", "demo");
    /** Virtual users at once; each signs in once and then repeats its requests: a closed loop like pgbench -c. */
    static final int USERS = Integer.getInteger("users", 8);
    static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("duration", 10));
    /**
     * Seconds each virtual user requests its page silently before the measured {@link #DURATION}: the load generator's
     * own JVM is fresh for every page, and its start-up (class loading, its JIT) would otherwise take the same two
     * cores from the app inside the measured seconds, which pgbench's client never does.
     */
    static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("warmup", 5));

    /** A case the caseworker opens; a pending proposal to Bergen; a resident of Råde with an interview. */
    static final long CASE_ID = Long.getLong("caseId", 1);
    static final long PROPOSAL_ID = Long.getLong("proposalId", 1);
    static final long INTERVIEW_CASE_ID = Long.getLong("interviewCaseId", 1);
    /**
     * Pending proposals the acceptance scenario accepts, each once, as {@code id:username} (the municipality's demo
     * officer; the demo has a few pending per municipality); none given, no acceptances.
     */
    static final List<Acceptance> ACCEPTS = Arrays.stream(System.getProperty("acceptIds", "").split(","))
            .filter(s -> !s.isBlank()).map(s -> s.split(":", 2)).map(a -> new Acceptance(Long.parseLong(a[0]), a[1])).toList();
    /** The planned settlement date an acceptance gives (ISO), e.g. three weeks ahead. */
    static final String PLANNED_DATE = System.getProperty("plannedDate", "");
    /** Seconds between two acceptances of the one accepting user: a low rate, so the demo's inbox is not emptied. */
    static final int ACCEPT_PAUSE = Integer.getInteger("acceptPause", 2);

    record Acceptance(long proposalId, String username) {
    }

    private Settings() {
    }
}
