package no.bosetting.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import no.bosetting.shared.deadlines.DeadlineRule;
import no.bosetting.shared.deadlines.DueItem;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link DeadlineRule} bean: at start-up and then at a fixed interval, on one application
 * instance at a time (ShedLock's lock row in PostgreSQL). Each rule runs in its own transaction, so a
 * failing rule is logged and the others still run. What a rule reports becomes work items keyed by rule,
 * item, stage and recipient; a new key notifies its recipients through the outbox (topic
 * {@code NOTIFICATION}) once, and an item the rule no longer reports is resolved.
 *
 * <p>Notifying once holds even without the lock (two instances, or two threads, running the rules at
 * the same time): the rule's transaction first takes a PostgreSQL advisory lock on the rule's code, and
 * the insert of a work item is {@code ON CONFLICT DO UPDATE}, so only the transaction that really
 * inserted the row notifies.
 */
@Component
public class DeadlineScheduler {

    /** The outcome of one run: items per rule that reported them, new (notified) items, rules that failed. */
    /** More new items than this for one recipient from one rule in one run are announced as one summary. */
    static final int DIGEST_ABOVE = 5;

    public record RunReport(Map<String, Integer> reported, int created, int resolved, List<String> failedRules) {
    }

    static final String LOCK_NAME = "deadline-rules";
    private static final Logger log = LoggerFactory.getLogger(DeadlineScheduler.class);
    private static final DateTimeFormatter NORWEGIAN_DATE = no.bosetting.shared.ShownDates.DATE;

    private final List<DeadlineRule> rules;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Outbox outbox;
    private final WorkItems workItems;
    private final LockingTaskExecutor lockingExecutor;
    private final boolean enabled;
    private final Duration lockAtMostFor;

    public DeadlineScheduler(List<DeadlineRule> rules, JdbcClient jdbc, TransactionTemplate tx, Clock clock, Outbox outbox,
                             WorkItems workItems, LockProvider lockProvider,
                             @Value("${bosetting.deadlines.scheduler.enabled:true}") boolean enabled,
                             @Value("${bosetting.deadlines.lock-at-most-for:PT10M}") Duration lockAtMostFor) {
        this.rules = List.copyOf(rules);
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.outbox = outbox;
        this.workItems = workItems;
        this.lockingExecutor = new DefaultLockingTaskExecutor(lockProvider);
        this.enabled = enabled;
        this.lockAtMostFor = lockAtMostFor;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartUp() {
        if (enabled) {
            runLocked();
        }
    }

    @Scheduled(fixedDelayString = "${bosetting.deadlines.interval:PT15M}", initialDelayString = "${bosetting.deadlines.interval:PT15M}")
    public void scheduled() {
        if (enabled) {
            runLocked();
        }
    }

    /** The codes of the rules this scheduler runs. */
    public List<String> ruleCodes() {
        return rules.stream().map(DeadlineRule::code).toList();
    }

    /**
     * Runs all rules if no other instance holds the lock; returns false when another instance is running
     * them (or ran them within the last few seconds).
     */
    public boolean runLocked() {
        // ShedLock's own clock: the lock is about real elapsed time between instances, not the business date.
        LockConfiguration lock = new LockConfiguration(ClockProvider.now(), LOCK_NAME, lockAtMostFor, Duration.ofSeconds(5));
        LockingTaskExecutor.TaskResult<RunReport> result;
        try {
            result = lockingExecutor.executeWithLock(this::runAll, lock);
        } catch (Throwable e) {
            log.error("Deadline rules could not run: {}", e.toString(), e);
            runsFailed.incrementAndGet();
            return false;
        }
        if (!result.wasExecuted()) {
            runsSkipped.incrementAndGet();
        } else if (result.getResult() != null && !result.getResult().failedRules().isEmpty()) {
            runsFailed.incrementAndGet();
        } else {
            runsCompleted.incrementAndGet();
        }
        return result.wasExecuted();
    }

    /** Runs on this node since it started, for the metrics ({@code SchedulerMonitor}). */
    private final java.util.concurrent.atomic.AtomicLong runsCompleted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong runsSkipped = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong runsFailed = new java.util.concurrent.atomic.AtomicLong();

    /** Completed (every rule ran), skipped (another node held the lock) and failed runs on this node. */
    long[] runCounts() {
        return new long[] {runsCompleted.get(), runsSkipped.get(), runsFailed.get()};
    }

    boolean enabled() {
        return enabled;
    }

    /** Runs every rule now (the caller decides about locking); each rule on its own. */
    public RunReport runAll() {
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> reported = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        int created = 0;
        int resolved = 0;
        for (DeadlineRule rule : rules) {
            try {
                int[] counts = tx.execute(s -> apply(rule, today));
                reported.put(rule.code(), counts[0]);
                created += counts[1];
                resolved += counts[2];
            } catch (RuntimeException e) {
                failed.add(rule.code());
                log.error("Deadline rule {} failed; the other rules still run: {}", rule.code(), e.toString(), e);
            }
        }
        if (created > 0 || resolved > 0 || !failed.isEmpty()) {
            log.info("Deadline rules on {}: {} new work items, {} resolved, failed rules {}", today, created, resolved, failed);
        }
        return new RunReport(reported, created, resolved, failed);
    }

    /** Returns {reported, created, resolved}. */
    private int[] apply(DeadlineRule rule, LocalDate today) {
        String code = rule.code();
        // Serialises concurrent runs of the same rule (two instances without the ShedLock lock, or tests).
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", "deadline-rule:" + code).query((rs, n) -> 1).list();
        Instant runStart = clock.instant();
        OffsetDateTime now = OffsetDateTime.ofInstant(runStart, clock.getZone());
        Map<String, DueItem> items = new LinkedHashMap<>();
        for (DueItem item : rule.evaluate(today)) {
            validate(code, item);
            items.putIfAbsent(item.itemKey() + "\u0000" + item.stage() + "\u0000" + item.recipient(), item);
        }
        List<DueItem> sorted = items.values().stream()
                .sorted(Comparator.comparing(DueItem::itemKey).thenComparing(DueItem::stage).thenComparing(DueItem::recipient))
                .toList();
        int created = 0;
        Map<String, List<Map.Entry<Long, DueItem>>> newByRecipient = new LinkedHashMap<>();
        for (DueItem item : sorted) {
            String link = item.link() == null || item.link().isBlank() ? "/oppgaver" : item.link();
            Inserted row = jdbc.sql("""
                    insert into work_item (rule_code, item_key, stage, recipient, title, detail, case_id, due_date, link,
                                           last_seen_at, created_at, created_by, updated_at, updated_by,
                                           title_key, title_args, detail_key, detail_args)
                    values (:code, :key, :stage, :recipient, :title, :detail, :caseId, :due, :link, :now, :now, 'system', :now, 'system',
                            :titleKey, :titleArgs, :detailKey, :detailArgs)
                    on conflict (rule_code, item_key, stage, recipient) do update
                        set title = excluded.title, detail = excluded.detail, case_id = excluded.case_id,
                            title_key = excluded.title_key, title_args = excluded.title_args,
                            detail_key = excluded.detail_key, detail_args = excluded.detail_args,
                            due_date = excluded.due_date, link = excluded.link, last_seen_at = excluded.last_seen_at,
                            resolved_at = null, updated_at = excluded.updated_at, updated_by = 'system'
                    returning id, (xmax = 0) as inserted
                    """)
                    .param("code", code).param("key", item.itemKey()).param("stage", item.stage())
                    .param("recipient", item.recipient()).param("title", item.title())
                    .param("detail", item.detail() == null ? "" : item.detail()).param("caseId", item.caseId())
                    .param("due", item.dueDate()).param("link", link).param("now", now)
                    .param("titleKey", item.titleText() == null ? null : item.titleText().key())
                    .param("titleArgs", item.titleText() == null ? null : item.titleText().args().toArray(String[]::new))
                    .param("detailKey", item.detailText() == null ? null : item.detailText().key())
                    .param("detailArgs", item.detailText() == null ? null : item.detailText().args().toArray(String[]::new))
                    .query((rs, n) -> new Inserted(rs.getLong(1), rs.getBoolean(2))).single();
            if (row.inserted()) {
                newByRecipient.computeIfAbsent(item.recipient(), r -> new ArrayList<>()).add(Map.entry(row.id(), item));
                created++;
            }
        }
        newByRecipient.values().forEach(this::notifyRecipients);
        int resolved = jdbc.sql("""
                update work_item set resolved_at = :now, updated_at = :now, updated_by = 'system'
                where rule_code = :code and resolved_at is null and last_seen_at < :runStart
                """)
                .param("now", now).param("code", code).param("runStart", now).update();
        return new int[] {sorted.size(), created, resolved};
    }

    private record Inserted(long id, boolean inserted) {
    }

    /**
     * One notification per new item; when a run brings a recipient more than {@value #DIGEST_ABOVE} new items
     * of one rule (the first run over a year of waiting households, say), one summary pointing to the work
     * list instead, so a caseworker is not sent a hundred messages at once.
     */
    private void notifyRecipients(List<Map.Entry<Long, DueItem>> fresh) {
        DueItem first = fresh.get(0).getValue();
        if (fresh.size() > DIGEST_ABOVE) {
            List<Object> body = new ArrayList<>();
            fresh.stream().limit(5).forEach(e -> body.add(Wording.join("• ", title(e.getValue()), "\n")));
            if (fresh.size() > 5) {
                body.add(Wording.of("work.notice.digest.more", fresh.size() - 5));
                body.add("\n");
            }
            body.add(Wording.of("work.notice.digest.seeList"));
            for (String username : workItems.usernamesOf(first.recipient())) {
                String target = username.startsWith("duf:") ? "/min-side" : "/oppgaver";
                outbox.enqueue("NOTIFICATION", username, Wording.of("work.notice.digest.subject", fresh.size()),
                        Wording.join(body.toArray()), null, target);
            }
            return;
        }
        for (Map.Entry<Long, DueItem> e : fresh) {
            notifyRecipients(e.getKey(), e.getValue(), e.getValue().link() == null || e.getValue().link().isBlank()
                    ? "/oppgaver" : e.getValue().link());
        }
    }

    private void notifyRecipients(long workItemId, DueItem item, String link) {
        String due = NORWEGIAN_DATE.format(item.dueDate());
        Wording body = item.detail() == null || item.detail().isBlank() ? Wording.of("work.notice.due", due)
                : Wording.of("work.notice.detailAndDue",
                        item.detailText() == null ? item.detail().trim() : wording(item.detailText()), due);
        for (String username : workItems.usernamesOf(item.recipient())) {
            // Staff open the item in their work list; a refugee has no work list and goes straight to the page.
            String target = username.startsWith("duf:") ? link : "/oppgaver#oppgave-" + workItemId;
            outbox.enqueue("NOTIFICATION", username, title(item), body, item.caseId(), target);
        }
    }

    /**
     * The item's title for a notification: from its message key when the rule worded it so (shown in the reader's
     * language), else its Norwegian text as it is.
     */
    private static Wording title(DueItem item) {
        return item.titleText() == null ? Wording.join(item.title()) : wording(item.titleText());
    }

    private static Wording wording(DueItem.Text text) {
        return new Wording(text.key(), List.copyOf(text.args()));
    }

    private static void validate(String code, DueItem item) {
        if (item == null || item.itemKey() == null || item.stage() == null || item.recipient() == null
                || item.title() == null || item.dueDate() == null) {
            throw new IllegalArgumentException("Deadline rule " + code + " reported an incomplete item: " + item);
        }
    }
}
