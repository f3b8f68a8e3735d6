package no.bosetting.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A stored confirmation that the person was informed of the consequence, as shown on the case page. */
public record InformedRecord(long id, String command, LocalDate informedOn, InformationChannel channel, String language,
                             String interpreter, String informedBy, String informedByRole, OffsetDateTime recordedAt) {
}
