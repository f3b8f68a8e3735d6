package no.bosetting.reconsideration;

/** What a request says: who asks (a name is required for "other"), on which fixed ground, and why. */
public record ReconsiderationRequest(RequesterKind requesterKind, String requesterName, ReconsiderationGround ground,
                                     String explanation) {
}
