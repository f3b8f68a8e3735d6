package no.bosetting.allocation.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.allocation.AllocationExplanations;
import no.bosetting.allocation.AllocationRun;
import no.bosetting.allocation.AllocationRuns;
import no.bosetting.allocation.RunReview;
import no.bosetting.cases.HouseholdType;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.StoredExplanations;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review of an engine run at 330 or 1,000 households (issue 23 item 3) and the careful send (item 4). Every link
 * and form works as a plain page; with JavaScript, htmx asks for the piece that changed ({@code HX-Request}): the
 * filtered results, one household's municipality picker, or the pinned household's row with the municipality totals
 * that changed. The page shows households by case reference, type and size only (no names), so it reads no person.
 */
@Controller
class AllocationReviewController {

    private final AllocationRuns runs;
    private final RunReview review;
    private final AllocationExplanations explanations;
    private final Municipalities municipalities;
    private final Messages messages;

    AllocationReviewController(AllocationRuns runs, RunReview review, AllocationExplanations explanations, Municipalities municipalities,
                               Messages messages) {
        this.runs = runs;
        this.review = review;
        this.explanations = explanations;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    private AllocationRun run(long id) {
        return runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Map<Long, StoredExplanations.Worded> worded(List<AllocationRun.Item> items, Locale locale) {
        // Only the households shown are worded, in the reader's language.
        Map<Long, StoredExplanations.Worded> worded = new HashMap<>();
        items.stream().filter(i -> i.municipalityNumber() != null).forEach(i -> worded.put(i.caseId(), explanations.word(i.explanation(), locale)));
        return worded;
    }

    @GetMapping("/fordeling/motor/{id}")
    String review(@PathVariable long id, @RequestParam Map<String, String> query, @RequestParam(defaultValue = "0") int page,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response, Locale locale,
                  Model model) {
        // A page opened before a pin asks with the replaced run's id: it gets the newest run (its address follows).
        long latest = runs.latest(id);
        if (latest != id && !"true".equals(htmx)) {
            return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/fordeling/motor/" + latest)
                    .queryParams(org.springframework.util.MultiValueMap.fromSingleValue(query)).encode().build().toUriString();
        }
        AllocationRun run = run(latest);
        FormReader r = new FormReader(query);
        RunReview.Filter filter = new RunReview.Filter(r.choice("householdType", HouseholdType.class), r.flag("changed"), r.flag("long"));
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        RunReview.Page result = review.page(run, filter, page);
        List<AllocationRun.Item> shown = new ArrayList<>();
        result.groups().forEach(g -> shown.addAll(g.items()));
        model.addAttribute("run", run);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("worded", worded(shown, locale));
        model.addAttribute("fragment", "true".equals(htmx));
        if (!model.containsAttribute("pinRefused")) {
            model.addAttribute("pinRefused", Map.of());
        }
        // A refused pin (without JavaScript) is shown at its household, in an opened group.
        Map<?, ?> refused = (Map<?, ?>) model.getAttribute("pinRefused");
        model.addAttribute("openGroups", run.items().stream().filter(i -> refused.containsKey(i.caseId()))
                .map(AllocationRun.Item::municipalityNumber).filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        if ("true".equals(htmx)) {
            return "allocation/run :: results";
        }
        model.addAttribute("householdTypes", HouseholdType.values());
        model.addAttribute("toSend", run.draft() && run.items().stream().anyMatch(i -> i.municipalityNumber() != null && !i.sent()));
        return "allocation/run";
    }

    /** One household's municipality picker: places left, and why a municipality is not allowed for it. */
    @GetMapping("/fordeling/motor/{id}/husstand/{caseId}/kommuner")
    String picker(@PathVariable long id, @PathVariable long caseId, @RequestParam(required = false) String q,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        AllocationRun run = run(runs.latest(id));
        AllocationRun.Item item = run.items().stream().filter(i -> i.caseId() == caseId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("run", run);
        model.addAttribute("item", item);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("choices", review.choices(run, caseId, q, CurrentActor.get()).orElse(List.of()));
        return "true".equals(htmx) ? "allocation/review :: picker" : "allocation/pick";
    }

    /**
     * Pins a household (or frees it) and lets the engine re-optimise the rest. A page opened on a run that a pin has
     * since replaced pins on its newest run. With htmx only the household's row comes back, with the totals of the
     * municipalities that changed and the rows the engine moved; a refused pin is shown in the row, naming the
     * household, the municipality and the rule.
     */
    @PostMapping("/fordeling/motor/{id}/fest")
    String pin(@PathVariable long id, @RequestParam Map<String, String> form, @RequestHeader(name = "HX-Request", required = false) String htmx,
               @RequestParam(name = "shown", required = false) List<Long> shown,
               HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        Long caseId = r.id("caseId");
        if (caseId == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        String m = r.text("municipality");
        AllocationRun before = run(runs.latest(id));
        AllocationRun.Item old = before.items().stream().filter(i -> i.caseId() == caseId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CommandResult<Long> result = CommandResult.attempt(() -> runs.pin(CurrentActor.get(), before.id(), caseId, m));
        boolean hx = "true".equals(htmx);
        if (!result.isSuccess()) {
            String atHousehold = messages.get("run.pinRefusedAt", old.caseReference(),
                    m == null ? messages.get("run.free") : municipalities.name(m), messages.of(result.failure()));
            if (!hx) {
                redirect.addFlashAttribute("errors", messages.byField(result.failure()));
                redirect.addFlashAttribute("pinRefused", Map.of(caseId, atHousehold));
                return "redirect:/fordeling/motor/" + before.id();
            }
            model.addAttribute("run", before);
            model.addAttribute("item", old);
            model.addAttribute("worded", worded(List.of(old), locale));
            model.addAttribute("error", atHousehold);
            model.addAttribute("focusRow", caseId);
            model.addAttribute("moved", List.of());
            model.addAttribute("totals", List.of());
            model.addAttribute("announce", atHousehold);
            return "allocation/review :: pinned";
        }
        if (!hx) {
            redirect.addFlashAttribute("success", messages.get("run.repinned"));
            return "redirect:/fordeling/motor/" + result.value();
        }
        AllocationRun after = run(result.value());
        Map<Long, String> was = new HashMap<>();
        before.items().forEach(i -> was.put(i.caseId(), i.municipalityNumber()));
        AllocationRun.Item item = after.items().stream().filter(i -> i.caseId() == caseId).findFirst().orElseThrow();
        List<AllocationRun.Item> moved = after.items().stream()
                .filter(i -> i.caseId() != caseId && !Objects.equals(i.municipalityNumber(), was.get(i.caseId()))).toList();
        // Of the rows the engine moved, only those on the caseworker's page come back (htmx sends which are shown).
        Set<Long> onPage = shown == null ? Set.of() : Set.copyOf(shown);
        List<AllocationRun.Item> movedShown = moved.stream().filter(i -> onPage.contains(i.caseId())).toList();
        // The totals of every municipality that gained or lost a household.
        Set<String> touched = new LinkedHashSet<>();
        touched.add(old.municipalityNumber());
        touched.add(item.municipalityNumber());
        moved.forEach(i -> {
            touched.add(i.municipalityNumber());
            touched.add(was.get(i.caseId()));
        });
        touched.remove(null);
        Map<String, RunReview.Total> totals = review.totals(after);
        List<RunReview.Total> changed = touched.stream()
                .map(n -> totals.getOrDefault(n, new RunReview.Total(n, municipalities.name(n), 0, 0, 0))).toList();
        List<AllocationRun.Item> rows = new ArrayList<>(movedShown);
        rows.add(item);
        model.addAttribute("run", after);
        model.addAttribute("item", item);
        model.addAttribute("worded", worded(rows, locale));
        model.addAttribute("error", null);
        model.addAttribute("focusRow", caseId);
        model.addAttribute("moved", movedShown);
        model.addAttribute("totals", changed);
        model.addAttribute("announce", messages.get("run.pinnedTo", item.caseReference(),
                item.municipalityNumber() == null ? messages.get("run.noProposal") : municipalities.name(item.municipalityNumber()), moved.size()));
        // A reload shows the new run.
        response.setHeader("HX-Replace-Url", "/fordeling/motor/" + after.id());
        return "allocation/review :: pinned";
    }

    /** The summary before sending: what goes where, pins and overrides, and what is unusual; then a confirm. */
    @GetMapping("/fordeling/motor/{id}/send")
    String summary(@PathVariable long id, Model model) {
        long latest = runs.latest(id);
        if (latest != id) {
            return "redirect:/fordeling/motor/" + latest + "/send";
        }
        AllocationRun run = run(id);
        if (!run.draft()) {
            return "redirect:/fordeling/motor/" + id;
        }
        model.addAttribute("run", run);
        model.addAttribute("summary", review.summary(run));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of("choice", "all"));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "allocation/send";
    }

    /**
     * Sends all of the run, or the chosen municipalities and households. Idempotent by the run's state: a second
     * click or a resubmit finds the households sent and sends nothing (see {@link AllocationRuns#send}).
     */
    @PostMapping("/fordeling/motor/{id}/send")
    String send(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        AllocationRun run = run(id);
        FormReader r = new FormReader(form);
        Set<Long> chosen = null;
        if ("selected".equals(r.text("choice"))) {
            Set<String> ms = new LinkedHashSet<>();
            Set<Long> cs = new LinkedHashSet<>();
            for (AllocationRun.Item i : run.items()) {
                if (i.municipalityNumber() != null && r.flag("m-" + i.municipalityNumber())) {
                    ms.add(i.municipalityNumber());
                }
                if (r.flag("c-" + i.caseId())) {
                    cs.add(i.caseId());
                }
            }
            chosen = RunReview.chosen(run, ms, cs);
            if (chosen.isEmpty()) {
                r.problem("choice", "error.allocation.nothingChosen");
            }
        }
        if (!r.ok()) {
            if (!run.draft()) {
                return "redirect:/fordeling/motor/" + id;
            }
            model.addAttribute("errors", r.errors(messages));
            model.addAttribute("typed", form);
            return summary(id, model);
        }
        Set<Long> selection = chosen;
        CommandResult<Integer> result = CommandResult.attempt(() -> runs.send(actor, id, selection));
        if (!result.isSuccess()) {
            redirect.addFlashAttribute("errors", messages.byField(result.failure()));
            return "redirect:/fordeling/motor/" + id;
        }
        if (result.value() == 0) {
            redirect.addFlashAttribute("success", messages.get("run.nothingSent"));
            return "redirect:/fordeling/motor/" + id;
        }
        redirect.addFlashAttribute("success", messages.get("run.sent", result.value()));
        return run(id).draft() ? "redirect:/fordeling/motor/" + id : "redirect:/forslag";
    }
}
