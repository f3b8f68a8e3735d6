package no.bosetting.planning;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import no.bosetting.access.UserAccounts;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import no.bosetting.shared.web.NumberFormat;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a municipality that its request has a new version: a notification to each of its officers through the outbox,
 * in the same transaction as the version, which reaches their inbox ({@code /varsler}) and, when they have an address,
 * their e-mail (the outbox's e-mail copy). A municipality whose request did not change hears nothing. The e-mail is
 * Norwegian, like the request letters it stands for; the inbox shows the notification in the reader's language.
 */
@Component
class RequestNotices {

    static final String LINK = "/kommune/vedtak";
    private static final DateTimeFormatter DATE = no.bosetting.shared.ShownDates.DATE;

    private final Outbox outbox;
    private final UserAccounts users;
    private final Municipalities municipalities;

    RequestNotices(Outbox outbox, UserAccounts users, Municipalities municipalities) {
        this.outbox = outbox;
        this.users = users;
        this.municipalities = municipalities;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void requestChanged(String municipalityNumber, int year, CapacityRequest previous, int persons, int minors, int version,
                        LocalDate requestedOn, String reason) {
        if (previous == null && persons == 0 && minors == 0) {
            return; // a closed municipality's first request is none: nothing to tell
        }
        String name = municipalities.name(municipalityNumber);
        String y = String.valueOf(year);
        Wording subject = previous == null
                ? Wording.of("planning.notice.request.subject", y, persons(persons))
                : Wording.of("planning.notice.changedRequest.subject", y, whole(previous.persons()), persons(persons));
        String stop = reason.matches(".*[.!?]$") ? "" : ".";
        Wording body = previous == null
                ? Wording.of("planning.notice.request.body", name, persons(persons), y, whole(minors), String.valueOf(version),
                        DATE.format(requestedOn), reason, stop)
                : Wording.of("planning.notice.changedRequest.body", name, persons(persons), y, whole(minors),
                        String.valueOf(version), DATE.format(requestedOn), reason, stop, String.valueOf(previous.version()),
                        DATE.format(previous.requestedOn()), persons(previous.persons()), whole(previous.unaccompaniedMinors()));
        for (String officer : users.usernamesForMunicipality(municipalityNumber)) {
            outbox.enqueue("NOTIFICATION", officer, subject, body, null, LINK + "?year=" + year);
        }
    }

    /** The count of persons, written with Norwegian digit groups in every language (as the request letters are). */
    private static Wording persons(int n) {
        return Wording.of(n == 1 ? "planning.notice.persons.one" : "planning.notice.persons.other", whole(n));
    }

    private static String whole(int n) {
        return NumberFormat.whole(n, NumberFormat.NORWEGIAN);
    }
}
