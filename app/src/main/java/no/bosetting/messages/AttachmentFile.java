package no.bosetting.messages;

/** An attachment's stored content, for a download by a participant. */
public record AttachmentFile(long id, String fileName, String contentType, byte[] content) {
}
