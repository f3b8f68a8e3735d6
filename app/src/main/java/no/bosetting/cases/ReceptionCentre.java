package no.bosetting.cases;

public record ReceptionCentre(long id, String name, String kind, String municipalityNumber) {
}
