package no.bosetting.planning;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import no.bosetting.access.UserAccounts;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.web.NumberFormat;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a municipality that its request has a new version: a notification to each of its officers through the outbox,
 * in the same transaction as the version, which reaches their inbox ({@code /varsler}) and, when they have an address,
 * their e-mail (the outbox's e-mail copy). A municipality whose request did not change hears nothing. The text is
 * Norwegian, like the request letters it stands for.
 */
@Component
class RequestNotices {

    static final String LINK = "/kommune/vedtak";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

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
        String subject = previous == null
                ? "Anmodning om bosetting i " + year + ": " + persons(persons)
                : "Endret anmodning om bosetting i " + year + ": " + whole(previous.persons()) + " → " + persons(persons);
        String before = previous == null ? ""
                : " Forrige versjon (" + previous.version() + ", " + DATE.format(previous.requestedOn()) + "): "
                  + persons(previous.persons()) + ", herav " + whole(previous.unaccompaniedMinors()) + " enslige mindreårige.";
        String body = "IMDi anmoder " + name + " om å bosette " + persons(persons) + " i " + year + ", herav " + whole(minors)
                + " enslige mindreårige (versjon " + version + ", " + DATE.format(requestedOn) + ")." + before
                + " Begrunnelse: " + reason + (reason.matches(".*[.!?]$") ? "" : ".") + " Registrer kommunestyrets vedtak for " + year + " under Vedtak om bosetting.";
        for (String officer : users.usernamesForMunicipality(municipalityNumber)) {
            outbox.enqueue("NOTIFICATION", officer, subject, body, null, LINK + "?year=" + year);
        }
    }

    private static String persons(int n) {
        return whole(n) + (n == 1 ? " person" : " personer");
    }

    private static String whole(int n) {
        return NumberFormat.whole(n, NumberFormat.NORWEGIAN);
    }
}
