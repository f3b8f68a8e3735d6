package no.bosetting.messages;

/**
 * A thread the actor has been found allowed to use: obtained only from {@link MessageThreads}, which
 * checks the actor's scope before handing one out.
 */
public record ThreadRef(long id, ThreadKind kind, Long caseId, String municipalityNumber) {

    /** The thread's page. */
    public String path() {
        return kind == ThreadKind.CASE ? "/meldinger/sak/" + caseId + "?kommune=" + municipalityNumber
                : "/meldinger/kommune/" + municipalityNumber;
    }
}
