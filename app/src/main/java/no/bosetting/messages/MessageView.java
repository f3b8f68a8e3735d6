package no.bosetting.messages;

import java.time.OffsetDateTime;
import java.util.List;

/** One message with its attachments (without their content). */
public record MessageView(long id, Side side, String authorName, String authorRole, String body, OffsetDateTime createdAt,
                          List<AttachmentInfo> attachments) {

    public record AttachmentInfo(long id, String fileName, String contentType, int sizeBytes) {

        public String sizeLabel() {
            return sizeBytes >= 1024 * 1024 ? String.format("%.1f MB", sizeBytes / (1024.0 * 1024.0))
                    : Math.max(1, sizeBytes / 1024) + " kB";
        }
    }
}
