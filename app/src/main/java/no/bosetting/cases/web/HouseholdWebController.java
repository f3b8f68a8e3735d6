package no.bosetting.cases.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.TwoStepControl;
import no.bosetting.cases.CaseCommand;
import no.bosetting.cases.HouseholdChanges;
import no.bosetting.cases.HouseholdQueries;
import no.bosetting.cases.HouseholdView;
import no.bosetting.cases.IdentityKind;
import no.bosetting.cases.JoinReason;
import no.bosetting.cases.PermitType;
import no.bosetting.cases.PersonCorrections;
import no.bosetting.cases.Relation;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The household page of a case ("Husstand", {@code /saker/{id}/husstand}): the members with identity numbers over
 * time and address, and the caseworker's forms to add, correct, remove or split off members. A refused form comes back
 * with every problem next to its field in Norwegian and what was typed kept; nothing is saved.
 */
@Controller
class HouseholdWebController {

    private final HouseholdQueries queries;
    private final HouseholdChanges changes;
    private final PersonCorrections corrections;
    private final Municipalities municipalities;
    private final Messages messages;
    private final no.bosetting.cases.ProtectedAddress protection;
    private final TwoStepControl twoStep;

    HouseholdWebController(HouseholdQueries queries, HouseholdChanges changes, PersonCorrections corrections,
                           Municipalities municipalities, Messages messages, no.bosetting.cases.ProtectedAddress protection,
                           TwoStepControl twoStep) {
        this.protection = protection;
        this.twoStep = twoStep;
        this.queries = queries;
        this.changes = changes;
        this.corrections = corrections;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    @GetMapping("/saker/{id}/husstand")
    String page(@PathVariable long id, @RequestParam(name = "skjema", required = false) String form,
                @RequestParam(name = "person", required = false) Long personId, Model model) {
        return render(id, form, personId, Map.of(), Map.of(), model);
    }

    private String render(long id, String form, Long personId, Map<String, String> errors, Map<String, String> typed, Model model) {
        Actor actor = CurrentActor.get();
        HouseholdView household = queries.household(id, actor, "web:/saker/" + id + "/husstand")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        HouseholdView.Member member = personId == null ? null : household.member(personId);
        if (personId != null && member == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("household", household);
        model.addAttribute("s", household.summary());
        model.addAttribute("form", member != null ? "person" : form == null ? "" : form);
        model.addAttribute("member", member);
        model.addAttribute("errors", errors);
        Map<String, String> values = new LinkedHashMap<>(member != null ? memberValues(member, household) : Map.of());
        values.putAll(typed);
        model.addAttribute("values", values);
        model.addAttribute("joinReasons", JoinReason.values());
        model.addAttribute("relations", List.of(Relation.SPOUSE, Relation.CHILD, Relation.OTHER));
        model.addAttribute("correctRelations", member != null && member.main() ? List.of(Relation.MAIN)
                : List.of(Relation.SPOUSE, Relation.CHILD, Relation.OTHER));
        model.addAttribute("sexes", List.of("F", "M", "X"));
        model.addAttribute("permitTypes", PermitType.values());
        model.addAttribute("identityKinds", IdentityKind.values());
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("takesPlaces", household.summary().status() == no.bosetting.cases.CaseStatus.OFFERED);
        return "cases/household";
    }

    private static Map<String, String> memberValues(HouseholdView.Member m, HouseholdView household) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("givenName", m.person().givenName());
        v.put("familyName", m.person().familyName());
        v.put("birthDate", m.person().birthDate().toString());
        v.put("sex", String.valueOf(m.person().sex()));
        v.put("relation", m.person().relation().name());
        v.put("unaccompaniedMinor", String.valueOf(household.summary().unaccompaniedMinor()));
        v.put("addressLine", nz(m.addressLine()));
        v.put("postalCode", nz(m.postalCode()));
        v.put("postalPlace", nz(m.postalPlace()));
        v.put("addressMunicipality", nz(m.addressMunicipality()));
        v.put("addressFrom", m.addressFrom() == null ? "" : m.addressFrom().toString());
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @PostMapping("/saker/{id}/husstand/medlem")
    String addMember(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        HouseholdChanges.NewMember member = new HouseholdChanges.NewMember(r.choice("joinReason", JoinReason.class),
                r.raw("givenName"), r.raw("familyName"), r.date("birthDate"), r.text("sex"), upper(r.text("citizenship")),
                r.choice("relation", Relation.class), r.text("dufNumber"), r.text("dNumber"), r.text("nationalId"),
                r.choice("permitType", PermitType.class), r.date("permitDate"), r.text("permitReference"), r.raw("note"),
                r.raw("overrideReason"));
        Actor actor = CurrentActor.get();
        // A member joining beyond the decided places with the agency's override is held for a second person (two-step control).
        return after(id, "medlem", null, r, () -> twoStep.orNow(TwoStepControl.Kind.HOUSEHOLD_BEYOND_PLACES, id, actor, member.input(),
                        () -> changes.addMember(id, member, actor)), form,
                Map.of("capacity", "overrideReason"), "household.saved.added", model, redirect);
    }

    @PostMapping("/saker/{id}/husstand/{personId}/opplysninger")
    String correct(@PathVariable long id, @PathVariable long personId, @RequestParam Map<String, String> form, Model model,
                   RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        PersonCorrections.Correction c = new PersonCorrections.Correction(r.raw("givenName"), r.raw("familyName"),
                r.date("birthDate"), r.text("sex"), r.choice("relation", Relation.class), r.flag("unaccompaniedMinor"),
                r.raw("reason"), r.raw("overrideReason"));
        Actor actor = CurrentActor.get();
        // A household corrected into an unaccompanied minor beyond the minors' places with the override is held likewise.
        return after(id, "person", personId, r, () -> twoStep.orNow(TwoStepControl.Kind.HOUSEHOLD_BEYOND_PLACES, id, actor,
                        c.input(personId), () -> corrections.correct(id, personId, c, actor)), form,
                Map.of("capacity", "overrideReason"), "household.saved.corrected", model, redirect);
    }

    @PostMapping("/saker/{id}/husstand/{personId}/identitet")
    String identity(@PathVariable long id, @PathVariable long personId, @RequestParam Map<String, String> form, Model model,
                    RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        IdentityKind kind = r.choice("kind", IdentityKind.class);
        return after(id, "person", personId, r, () -> corrections.registerIdentity(id, personId, kind, r.text("number"),
                        r.date("validFrom"), r.raw("identityReason"), CurrentActor.get()), form,
                Map.of("reason", "identityReason"), "household.saved.identity", model, redirect);
    }

    @PostMapping("/saker/{id}/husstand/{personId}/adresse")
    String address(@PathVariable long id, @PathVariable long personId, @RequestParam Map<String, String> form, Model model,
                   RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        PersonCorrections.Address a = new PersonCorrections.Address(r.raw("addressLine"), r.text("postalCode"), r.raw("postalPlace"),
                r.text("addressMunicipality"), r.date("addressFrom"), r.raw("addressReason"));
        return after(id, "person", personId, r, () -> corrections.changeAddress(id, personId, a, CurrentActor.get()), form,
                Map.of("reason", "addressReason"), "household.saved.address", model, redirect);
    }

    /** Marks or lifts a member's protected address: a designated caseworker only (issue 18 item 4). */
    @PostMapping("/saker/{id}/husstand/adressesperre")
    String protect(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Long personId = r.id("protectPerson");
        String level = r.text("protectionLevel");
        no.bosetting.cases.AddressProtection chosen = level == null || level.isBlank() || "NONE".equals(level) ? null
                : r.choice("protectionLevel", no.bosetting.cases.AddressProtection.class);
        return after(id, "adressesperre", null, r, () -> protection.mark(CurrentActor.get(), id, personId == null ? -1 : personId,
                        chosen, r.raw("protectionReason")), form, Map.of("reason", "protectionReason"),
                "protected.saved", model, redirect);
    }

    @PostMapping("/saker/{id}/husstand/{personId}/fjern")
    String remove(@PathVariable long id, @PathVariable long personId, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        return after(id, "person", personId, r, () -> changes.removeMember(id, personId, r.raw("removeReason"), CurrentActor.get()),
                form, Map.of("reason", "removeReason", "person", "removeReason"), "household.saved.removed", model, redirect);
    }

    @PostMapping("/saker/{id}/husstand/del")
    String split(@PathVariable long id, @RequestParam Map<String, String> form,
                 @RequestParam(name = "members", required = false) List<Long> members, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Long newMain = r.id("newMain");
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.put("members", members == null ? "" : "," + String.join(",", members.stream().map(String::valueOf).toList()) + ",");
        CommandResult<?>[] done = new CommandResult<?>[1];
        String view = after(id, "del", null, r, () -> done[0] = changes.split(id, members, newMain, r.raw("reason"), CurrentActor.get()),
                typed, Map.of(), "household.saved.split", model, redirect);
        if (done[0] != null && done[0].isSuccess()) {
            redirect.addFlashAttribute("success", messages.get("household.saved.split"));
            return "redirect:/saker/" + done[0].value() + "/husstand";
        }
        return view;
    }

    /**
     * Runs the command when every field could be read; on a refusal shows the form again with the problem next to its
     * field ({@code fields} renames a command's domain field to the form's), keeping what was typed.
     */
    private String after(long id, String form, Long personId, FormReader r, java.util.function.Supplier<CommandResult<?>> command,
                         Map<String, String> typed, Map<String, String> fields, String successKey, Model model,
                         RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>(r.errors(messages));
        if (errors.isEmpty()) {
            CommandResult<?> result = command.get();
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get(TwoStepControl.successKey(result, successKey)));
                return "redirect:/saker/" + id + "/husstand";
            }
            CommandFailure failure = result.failure();
            if (failure instanceof CommandFailure.NotFound) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            messages.byField(failure).forEach((field, text) -> errors.put(fields.getOrDefault(field, field), text));
        }
        return render(id, form, personId, errors, new LinkedHashMap<>(typed), model);
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

}
