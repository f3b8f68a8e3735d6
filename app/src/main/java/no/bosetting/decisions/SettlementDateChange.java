package no.bosetting.decisions;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public record SettlementDateChange(long decisionId, OffsetDateTime changedAt, String changedBy, String changedByRole,
                                   LocalDate oldDate, LocalDate newDate, String reason) {
}
