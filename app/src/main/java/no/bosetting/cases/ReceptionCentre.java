package no.bosetting.cases;

record ReceptionCentre(long id, String name, String kind, String municipalityNumber) {
}
