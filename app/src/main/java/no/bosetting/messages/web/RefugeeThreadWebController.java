package no.bosetting.messages.web;

import java.util.List;
import java.util.Map;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.cases.CaseDetail;
import no.bosetting.cases.CaseQueries;
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.ThreadMessages;
import no.bosetting.messages.ThreadRef;
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
 * The agency's side of the household's thread (issue 16 point 2): the whole thread with the household's names (the
 * read is logged) and the reply, which the case page's panel also posts. Anyone but the agency gets 404.
 */
@Controller
class RefugeeThreadWebController {

    private final MessageThreads threads;
    private final ThreadMessages threadMessages;
    private final CaseQueries cases;
    private final RefugeeThreadPanel panel;
    private final Messages messages;

    RefugeeThreadWebController(MessageThreads threads, ThreadMessages threadMessages, CaseQueries cases, RefugeeThreadPanel panel,
                               Messages messages) {
        this.threads = threads;
        this.threadMessages = threadMessages;
        this.cases = cases;
        this.panel = panel;
        this.messages = messages;
    }

    @GetMapping("/saker/{caseId}/meldinger-husstand")
    String thread(@PathVariable long caseId, Model model) {
        return show(ref(caseId), CurrentActor.get(), model, Map.of(), "");
    }

    @PostMapping("/saker/{caseId}/meldinger-husstand")
    String reply(@PathVariable long caseId, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        ThreadRef ref = ref(caseId);
        String body = new FormReader(form).raw("body");
        CommandResult<Long> result = threadMessages.post(ref, actor, body, List.of());
        if (!result.isSuccess()) {
            return show(ref, actor, model, messages.byField(result.failure()), body == null ? "" : body);
        }
        redirect.addFlashAttribute("success", messages.get("message.sent"));
        return "redirect:/saker/" + caseId + "/meldinger-husstand#message-" + result.value();
    }

    @PostMapping("/saker/{caseId}/meldinger-husstand/ta")
    String take(@PathVariable long caseId, RedirectAttributes redirect) {
        CommandResult<Void> result = threads.takeAsAgencyContact(ref(caseId), CurrentActor.get());
        redirect.addFlashAttribute(result.isSuccess() ? "success" : "failure",
                result.isSuccess() ? messages.get("message.taken") : messages.of(result.failure()));
        return "redirect:/saker/" + caseId + "/meldinger-husstand";
    }

    private ThreadRef ref(long caseId) {
        Actor actor = CurrentActor.get();
        if (!actor.isAgency()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return threads.refugeeThreadToRead(caseId, actor).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String show(ThreadRef ref, Actor actor, Model model, Map<String, String> errors, String body) {
        CaseDetail detail = cases.detail(ref.caseId(), actor, "web:/saker/" + ref.caseId() + "/meldinger-husstand")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("case", detail);
        model.addAttribute("thread", threadMessages.view(ref, actor));
        model.addAttribute("panel", panel.model(ref, actor));
        threadMessages.markRead(ref, actor);
        model.addAttribute("errors", errors);
        model.addAttribute("body", body);
        model.addAttribute("maxBody", ThreadMessages.MAX_BODY);
        return "messages/refugee-thread";
    }
}
