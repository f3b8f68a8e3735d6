package no.bosetting.cases;

/** A household member as a municipality sees it before acceptance: no name, no identifiers. */
public record AnonymousMember(int age, char sex, String citizenship, Relation relation) {
}
