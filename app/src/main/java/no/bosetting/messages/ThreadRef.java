package no.bosetting.messages;

/**
 * A thread the actor has been found allowed to use: obtained only from {@link MessageThreads} (or, for a list,
 * {@link MessageInbox}), which checks the actor's scope before handing one out. A thread nobody has written in yet may not exist:
 * it is then {@linkplain #started() not started} (id 0), shown empty, and created by the first message
 * or contact saved in it — never by reading it.
 */
public record ThreadRef(long id, ThreadKind kind, Long caseId, String municipalityNumber) {

    static ThreadRef notStarted(ThreadKind kind, Long caseId, String municipalityNumber) {
        return new ThreadRef(0, kind, caseId, municipalityNumber);
    }

    /** Whether the thread exists in the database. */
    public boolean started() {
        return id > 0;
    }

    /** The thread's page. */
    public String path() {
        return switch (kind) {
            case CASE -> "/meldinger/sak/" + caseId + "?kommune=" + municipalityNumber;
            case MUNICIPALITY -> "/meldinger/kommune/" + municipalityNumber;
            case REFUGEE -> "/saker/" + caseId + "/meldinger-husstand";
        };
    }
}
