package no.bosetting.housing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.access.Transition;
import no.bosetting.access.UserAccounts;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailedException;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.outbox.Outbox;
import no.bosetting.shared.outbox.Wording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dwellings offered by residents and landlords through the public form. An offer waits in its
 * municipality's queue until the quality-assurance checklist is complete and it is approved (it
 * then becomes a dwelling) or it is rejected. The landlord is remembered with its history.
 */
@Service
public class HousingOffers {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ]{8,15}$");
    private static final String COLUMNS = """
            id, municipality_number, contact_name, contact_phone, contact_email, address, dwelling_type, rooms, area_m2,
            monthly_rent, available_from, description, status, inspection_done, property_register_checked,
            fire_safety_ok, rent_reasonable, decision_note, landlord_id, dwelling_id, received_at, decided_at, decided_by
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Municipalities municipalities;
    private final Dwellings dwellings;
    private final Outbox outbox;
    private final UserAccounts users;

    public HousingOffers(JdbcClient jdbc, Clock clock, Municipalities municipalities, Dwellings dwellings, Outbox outbox,
                         UserAccounts users) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.municipalities = municipalities;
        this.dwellings = dwellings;
        this.outbox = outbox;
        this.users = users;
    }

    public List<FieldProblem> validate(OfferData o) {
        List<FieldProblem> problems = new ArrayList<>();
        if (o.municipalityNumber() == null || o.municipalityNumber().isBlank()) {
            problems.add(FieldProblem.of("municipalityNumber", "housing.error.choose"));
        } else if (municipalities.find(o.municipalityNumber()).isEmpty()) {
            problems.add(FieldProblem.of("municipalityNumber", "housing.error.municipality.unknown"));
        }
        text(problems, "contactName", o.contactName(), true, 200);
        boolean noPhone = o.contactPhone() == null || o.contactPhone().isBlank();
        boolean noEmail = o.contactEmail() == null || o.contactEmail().isBlank();
        if (noPhone && noEmail) {
            problems.add(FieldProblem.of("contactEmail", "housing.error.contact.required"));
        }
        if (!noEmail && (o.contactEmail().length() > 200 || !EMAIL.matcher(o.contactEmail().trim()).matches())) {
            problems.add(FieldProblem.of("contactEmail", "housing.error.email.invalid"));
        }
        if (!noPhone && !PHONE.matcher(o.contactPhone().trim()).matches()) {
            problems.add(FieldProblem.of("contactPhone", "housing.error.phone.invalid"));
        }
        text(problems, "address", o.address(), true, 300);
        if (o.dwellingType() == null) {
            problems.add(FieldProblem.of("dwellingType", "housing.error.choose"));
        }
        Dwellings.range(problems, "rooms", o.rooms(), 1, 20, true);
        Dwellings.range(problems, "areaM2", o.areaM2(), 5, 1000, false);
        Dwellings.range(problems, "monthlyRent", o.monthlyRent(), 0, 200_000, false);
        LocalDate today = LocalDate.now(clock);
        if (o.availableFrom() == null) {
            problems.add(FieldProblem.of("availableFrom", "housing.error.date.required"));
        } else if (o.availableFrom().isBefore(today.minusDays(1)) || o.availableFrom().isAfter(today.plusYears(2))) {
            problems.add(FieldProblem.of("availableFrom", "housing.error.offer.availableFrom"));
        }
        text(problems, "description", o.description(), false, 4000);
        return problems;
    }

    private static void text(List<FieldProblem> problems, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(FieldProblem.of(field, "housing.error.text.required"));
            }
        } else if (value.length() > max) {
            problems.add(FieldProblem.of(field, "housing.error.text.tooLong", max));
        }
    }

    /** From the public form: anyone may offer; the offer is only added to the municipality's queue. */
    @Transactional
    public CommandResult<Long> submit(OfferData o) {
        List<FieldProblem> problems = validate(o);
        if (!problems.isEmpty()) {
            return CommandResult.fail(Dwellings.ruleBroken(problems.get(0)));
        }
        long id = jdbc.sql("""
                insert into housing_offer (municipality_number, contact_name, contact_phone, contact_email, address,
                    dwelling_type, rooms, area_m2, monthly_rent, available_from, description, received_at)
                values (:m, :name, :phone, :email, :address, :type, :rooms, :area, :rent, :from, :description, :now)
                returning id
                """)
                .param("m", o.municipalityNumber()).param("name", o.contactName().trim()).param("phone", blank(o.contactPhone()))
                .param("email", blank(o.contactEmail())).param("address", o.address().trim()).param("type", o.dwellingType().name())
                .param("rooms", o.rooms()).param("area", o.areaM2()).param("rent", o.monthlyRent()).param("from", o.availableFrom())
                .param("description", blank(o.description())).param("now", OffsetDateTime.now(clock))
                .query(Long.class).single();
        for (String officer : users.usernamesForMunicipality(o.municipalityNumber())) {
            outbox.enqueue("NOTIFICATION", officer, Wording.of("housing.notice.offer.subject", o.address().trim()),
                    Wording.of("housing.notice.offer.body"), null);
        }
        return CommandResult.ok(id);
    }

    /** The queue's one order: oldest first. */
    public static final List<no.bosetting.shared.web.SortKey> QUEUE_ORDER = List.of(
            new no.bosetting.shared.web.SortKey("received", "received_at, id", "received_at desc, id desc"));

    /** One page of the municipality's offers with the count of all in that status (issue 16 point 4: cut at 500). */
    public no.bosetting.shared.web.ListPage<HousingOffer> queue(Actor actor, OfferStatus status, no.bosetting.shared.web.PageRequest page,
                                                              java.util.Map<String, String> filters) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return page.result(List.of(), 0, filters);
        }
        String where = " from housing_offer where municipality_number = :m" + (status == null ? "" : " and status = :s");
        long total = jdbc.sql("select count(*)" + where)
                .param("m", actor.municipalityNumber()).param("s", status == null ? "" : status.name()).query(Long.class).single();
        List<HousingOffer> rows = jdbc.sql("select " + COLUMNS + where + " order by " + page.orderBy() + " limit :limit offset :offset")
                .param("m", actor.municipalityNumber()).param("s", status == null ? "" : status.name())
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> map(rs)).list();
        return page.result(rows, total, filters);
    }

    public Optional<HousingOffer> find(Actor actor, long id) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from housing_offer where id = :id and municipality_number = :m")
                .param("id", id).param("m", actor.municipalityNumber()).query((rs, n) -> map(rs)).optional();
    }

    /**
     * Locks the offer until the transaction ends and guards the command in the one order (found in the officer's own
     * municipality → permitted → received); returns the offer or the first failure. Writes nothing.
     */
    private CommandResult<HousingOffer> lock(Actor actor, long id, OfferCommand command) {
        Optional<HousingOffer> found = actor.is(Role.MUNICIPALITY_OFFICER)
                ? jdbc.sql("select " + COLUMNS + " from housing_offer where id = :id and municipality_number = :m for update")
                        .param("id", id).param("m", actor.municipalityNumber()).query((rs, n) -> map(rs)).optional()
                : Optional.empty();
        Optional<CommandFailure> refused = command.guard(actor, found.map(HousingOffer::status), "housing.error.offer.notFound", id);
        return refused.isPresent() ? CommandResult.fail(refused.get()) : CommandResult.ok(found.get());
    }

    /** The commands the actor may issue on the offer now; the caller found it within the actor's scope. */
    public List<OfferCommand> validCommands(Actor actor, HousingOffer offer) {
        return Transition.valid(OfferCommand.class, actor, offer.status());
    }

    /** Records the checklist as far as it has come; it can be saved step by step. */
    @Transactional
    public CommandResult<HousingOffer> saveChecklist(Actor actor, long id, Checklist checklist) {
        CommandResult<HousingOffer> locked = lock(actor, id, OfferCommand.SAVE_CHECKLIST);
        if (!locked.isSuccess()) {
            return CommandResult.fail(locked.failure());
        }
        storeChecklist(id, checklist);
        return CommandResult.ok(find(actor, id).orElseThrow());
    }

    /**
     * Approves an offer whose checklist is complete: the landlord is registered (or found again) and
     * the offer becomes a vacant dwelling, privately owned and sublet unless the officer chose otherwise.
     * Every rule is checked before anything is written; a dwelling that cannot be made after that rolls it all back.
     */
    @Transactional
    public CommandResult<Long> approve(Actor actor, long id, Checklist checklist, OwnerType ownerType, DwellingStandard standard,
                                       String holdingUnit) {
        CommandResult<HousingOffer> locked = lock(actor, id, OfferCommand.APPROVE);
        if (!locked.isSuccess()) {
            return CommandResult.fail(locked.failure());
        }
        HousingOffer offer = locked.value();
        if (!checklist.complete()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("checklist", "housing.error.offer.checklistIncomplete"));
        }
        if (ownerType != OwnerType.PRIVATE_SUBLEASE && ownerType != OwnerType.PRIVATE_DIRECT) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("ownerType", "housing.error.offer.privateOwner"));
        }
        if (standard == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("standard", "housing.error.choose"));
        }
        // A new landlord is never on the rejected list, so only one found again by e-mail can be.
        if (knownLandlord(actor, offer).map(this::isRejected).orElse(false)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("checklist", "housing.error.landlord.rejected"));
        }
        storeChecklist(id, checklist);
        long landlordId = landlordFor(actor, offer);
        DwellingData data = new DwellingData(offer.address(), ownerType, offer.dwellingType(), offer.rooms(), offer.areaM2(),
                standard, false, null, null, null, offer.monthlyRent(), offer.availableFrom(), holdingUnit, false);
        CommandResult<Long> dwelling = dwellings.insert(actor.municipalityNumber(), data, landlordId, actor.username());
        if (!dwelling.isSuccess()) {
            throw new CommandFailedException(dwelling.failure());
        }
        jdbc.sql("""
                update housing_offer set status = :s, landlord_id = :l, dwelling_id = :d, decided_at = :now,
                    decided_by = :by where id = :id
                """)
                .param("s", OfferCommand.APPROVE.target().name()).param("l", landlordId).param("d", dwelling.value())
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).param("id", id).update();
        return dwelling;
    }

    /** Rejects an offer with a reason; the landlord can be put on the rejected list at the same time. */
    @Transactional
    public CommandResult<HousingOffer> reject(Actor actor, long id, String reason, boolean rejectLandlord) {
        CommandResult<HousingOffer> locked = lock(actor, id, OfferCommand.REJECT);
        if (!locked.isSuccess()) {
            return CommandResult.fail(locked.failure());
        }
        if (reason == null || reason.isBlank()) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "housing.error.reason.required"));
        }
        if (reason.length() > 2000) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("reason", "housing.error.text.tooLong", 2000));
        }
        long landlordId = landlordFor(actor, locked.value());
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update housing_offer set status = :s, decision_note = :reason, landlord_id = :l, decided_at = :now,
                    decided_by = :by where id = :id
                """)
                .param("s", OfferCommand.REJECT.target().name()).param("reason", reason.trim()).param("l", landlordId)
                .param("now", now).param("by", actor.username()).param("id", id).update();
        if (rejectLandlord) {
            jdbc.sql("""
                    update landlord set rejected = true, rejected_reason = :reason, rejected_at = :now, updated_at = :now,
                        updated_by = :by where id = :id
                    """)
                    .param("reason", reason.trim()).param("now", now).param("by", actor.username()).param("id", landlordId).update();
        }
        return CommandResult.ok(find(actor, id).orElseThrow());
    }

    private void storeChecklist(long id, Checklist checklist) {
        jdbc.sql("""
                update housing_offer set inspection_done = :i, property_register_checked = :p, fire_safety_ok = :f,
                    rent_reasonable = :r where id = :id
                """)
                .param("i", checklist.inspectionDone()).param("p", checklist.propertyRegisterChecked())
                .param("f", checklist.fireSafetyOk()).param("r", checklist.rentReasonable()).param("id", id).update();
    }

    /** The municipality's landlord with the offer's e-mail address, if it has one. */
    private Optional<Long> knownLandlord(Actor actor, HousingOffer offer) {
        if (offer.contactEmail() == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id from landlord where municipality_number = :m and lower(email) = lower(:e)")
                .param("m", actor.municipalityNumber()).param("e", offer.contactEmail()).query(Long.class).optional();
    }

    /** The offer's contact as a landlord of the municipality: found again by e-mail, otherwise added. */
    private long landlordFor(Actor actor, HousingOffer offer) {
        Optional<Long> existing = knownLandlord(actor, offer);
        if (existing.isPresent()) {
            return existing.get();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                insert into landlord (municipality_number, name, phone, email, created_at, created_by, updated_at, updated_by)
                values (:m, :name, :phone, :email, :now, :by, :now, :by) returning id
                """)
                .param("m", actor.municipalityNumber()).param("name", offer.contactName()).param("phone", offer.contactPhone())
                .param("email", offer.contactEmail()).param("now", now).param("by", actor.username())
                .query(Long.class).single();
    }

    private boolean isRejected(long landlordId) {
        return jdbc.sql("select rejected from landlord where id = :id").param("id", landlordId).query(Boolean.class).single();
    }

    public List<Landlord> landlords(Actor actor, boolean rejected) {
        if (!actor.is(Role.MUNICIPALITY_OFFICER)) {
            return List.of();
        }
        return jdbc.sql("""
                select l.id, l.municipality_number, l.name, l.phone, l.email, l.rejected, l.rejected_reason, l.rejected_at,
                       (select count(*) from housing_offer o where o.landlord_id = l.id) as offers,
                       (select count(*) from dwelling d where d.landlord_id = l.id) as dwellings
                from landlord l where l.municipality_number = :m and l.rejected = :r order by l.name, l.id limit 1000
                """)
                .param("m", actor.municipalityNumber()).param("r", rejected)
                .query((rs, n) -> new Landlord(rs.getLong("id"), rs.getString("municipality_number"), rs.getString("name"),
                        rs.getString("phone"), rs.getString("email"), rs.getBoolean("rejected"), rs.getString("rejected_reason"),
                        rs.getObject("rejected_at", OffsetDateTime.class), rs.getInt("offers"), rs.getInt("dwellings")))
                .list();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static HousingOffer map(ResultSet rs) throws SQLException {
        return new HousingOffer(rs.getLong("id"), rs.getString("municipality_number"), rs.getString("contact_name"),
                rs.getString("contact_phone"), rs.getString("contact_email"), rs.getString("address"),
                DwellingType.valueOf(rs.getString("dwelling_type")), rs.getInt("rooms"), (Integer) rs.getObject("area_m2"),
                (Integer) rs.getObject("monthly_rent"), rs.getObject("available_from", LocalDate.class), rs.getString("description"),
                OfferStatus.valueOf(rs.getString("status")), rs.getBoolean("inspection_done"),
                rs.getBoolean("property_register_checked"), rs.getBoolean("fire_safety_ok"), rs.getBoolean("rent_reasonable"),
                rs.getString("decision_note"), (Long) rs.getObject("landlord_id"), (Long) rs.getObject("dwelling_id"),
                rs.getObject("received_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decided_by"));
    }
}
