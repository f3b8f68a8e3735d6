package no.bosetting.selfsettlement;

import java.time.OffsetDateTime;

/** One saved version of a municipality's ASB setting: who changed it, when, and to what. */
record SettingChange(OffsetDateTime changedAt, String changedBy, String changedByRole, boolean accepts,
                            String rulesText, Integer rentLimit, int capPercent) {
}
