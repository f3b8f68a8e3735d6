package no.bosetting.messages;

/** A file uploaded with a message. */
public record NewAttachment(String fileName, byte[] content) {
}
