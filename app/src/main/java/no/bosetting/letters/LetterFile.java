package no.bosetting.letters;

/** A letter's PDF for download. */
public record LetterFile(String filename, byte[] pdf) {
}
