package no.bosetting.messages;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.cases.CaseQueries;
import no.bosetting.messages.internal.AttachmentTypes;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attachments of messages: which files a message may carry (at most five, each a PDF, JPEG, PNG or Word
 * document by its content, of at most 10 MB), kept in the database with a safe name, and downloaded only by the
 * thread's participants, every download logged.
 */
@Service
public class MessageAttachments {

    public static final int MAX_ATTACHMENTS = 5;
    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageThreads threads;
    private final CaseQueries cases;

    public MessageAttachments(JdbcClient jdbc, Clock clock, MessageThreads threads, CaseQueries cases) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.threads = threads;
        this.cases = cases;
    }

    /** An attachment that passed the rules: its stored name (with the extension of its type) and type. */
    record Upload(String fileName, String contentType, byte[] content) {
    }

    /** The files with content, each checked; the failure of the first rule one of them breaks. */
    CommandResult<List<Upload>> check(List<NewAttachment> files) {
        List<NewAttachment> uploads = files == null ? List.of()
                : files.stream().filter(f -> f != null && f.content() != null && f.content().length > 0).toList();
        if (uploads.size() > MAX_ATTACHMENTS) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("attachments", "error.attachment.tooMany", MAX_ATTACHMENTS));
        }
        List<Upload> checked = new ArrayList<>();
        for (NewAttachment f : uploads) {
            String name = fileName(f.fileName());
            if (f.content().length > MAX_ATTACHMENT_BYTES) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("attachments", "error.attachment.tooLarge", name, 10));
            }
            AttachmentTypes.Verdict verdict = AttachmentTypes.check(f.content());
            if (verdict instanceof AttachmentTypes.Verdict.Refused refused) {
                return CommandResult.fail(CommandFailure.RuleBroken.of("attachments", refused.messageKey(), name,
                        AttachmentTypes.MAX_UNPACKED_BYTES / (1024 * 1024)));
            }
            String type = ((AttachmentTypes.Verdict.Accepted) verdict).contentType();
            checked.add(new Upload(withExtension(name, type), type, f.content()));
        }
        return CommandResult.ok(checked);
    }

    /** Keeps the checked attachments with their message. */
    void store(long messageId, List<Upload> uploads, OffsetDateTime now, Actor actor) {
        for (Upload f : uploads) {
            jdbc.sql("""
                    insert into message_attachment (message_id, file_name, content_type, size_bytes, content, created_at, created_by)
                    values (:m, :name, :type, :size, :content, :now, :by)
                    """)
                    .param("m", messageId).param("name", f.fileName())
                    .param("type", f.contentType()).param("size", f.content().length).param("content", f.content())
                    .param("now", now).param("by", actor.username()).update();
        }
    }

    /** An attachment for a participant of its thread, with the download logged; anyone else gets empty. */
    @Transactional
    public Optional<AttachmentFile> download(long attachmentId, Actor actor) {
        Optional<ThreadRef> thread = jdbc.sql("""
                select t.id, t.kind, t.case_id, t.municipality_number from message_attachment a
                join message m on m.id = a.message_id join message_thread t on t.id = m.thread_id where a.id = :a
                """)
                .param("a", attachmentId).query((rs, n) -> MessageThreads.ref(rs)).optional();
        if (thread.isEmpty() || !threads.participant(thread.get(), actor)) {
            return Optional.empty();
        }
        jdbc.sql("insert into message_attachment_download (attachment_id, username, role, downloaded_at) values (:a, :u, :r, :now)")
                .param("a", attachmentId).param("u", actor.username()).param("r", actor.role().name())
                .param("now", OffsetDateTime.now(clock)).update();
        if (thread.get().kind() == ThreadKind.CASE) {
            // An attachment about a case (an identity paper, a doctor's note) is a read of the household's persons.
            cases.recordRead(thread.get().caseId(), actor, "web:/meldinger/vedlegg/" + attachmentId);
        }
        return jdbc.sql("select id, file_name, content_type, content from message_attachment where id = :a").param("a", attachmentId)
                .query((rs, n) -> new AttachmentFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4))).optional();
    }

    /** How many times an attachment was downloaded, and by whom, newest first. */
    @Transactional(readOnly = true)
    public List<String> downloads(long attachmentId) {
        return jdbc.sql("select username from message_attachment_download where attachment_id = :a order by downloaded_at desc, id desc")
                .param("a", attachmentId).query(String.class).list();
    }

    /** The file's own name without any path, limited in length and to safe characters. */
    static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "vedlegg";
        }
        return name.length() > 150 ? name.substring(name.length() - 150) : name;
    }

    private static String withExtension(String name, String contentType) {
        String ext = AttachmentTypes.extension(contentType);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(ext) || (ext.equals(".jpg") && lower.endsWith(".jpeg"))) {
            return name;
        }
        return name + ext;
    }
}
