package no.bosetting.housing;

import java.util.List;

/** A vacant dwelling that fits a household, with why it fits (message keys). */
record Suggestion(Dwelling dwelling, int roomsNeeded, List<String> reasons) {
}
