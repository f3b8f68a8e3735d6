package no.bosetting.messages.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.access.Role;
import no.bosetting.cases.CaseDetail;
import no.bosetting.cases.CaseQueries;
import no.bosetting.cases.PersonView;
import no.bosetting.messages.AttachmentFile;
import no.bosetting.messages.MessageAttachments;
import no.bosetting.messages.MessageInbox;
import no.bosetting.messages.MessageThreads;
import no.bosetting.messages.NewAttachment;
import no.bosetting.messages.ThreadKind;
import no.bosetting.messages.ThreadMessages;
import no.bosetting.messages.ThreadRef;
import no.bosetting.messages.ThreadView;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.proposals.ProposalStatus;
import no.bosetting.proposals.Proposals;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import no.bosetting.shared.web.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox and the threads. Every id in a path is checked against the actor's scope on the server:
 * another municipality's thread, case or attachment answers 404.
 */
@Controller
class MessageWebController {

    private final MessageThreads threads;
    private final ThreadMessages threadMessages;
    private final MessageAttachments attachments;
    private final MessageInbox inbox;
    private final CaseQueries cases;
    private final Proposals proposals;
    private final Municipalities municipalities;
    private final Messages messages;

    public MessageWebController(MessageThreads threads, ThreadMessages threadMessages, MessageAttachments attachments,
                                MessageInbox inbox, CaseQueries cases, Proposals proposals, Municipalities municipalities,
                                Messages messages) {
        this.threads = threads;
        this.threadMessages = threadMessages;
        this.attachments = attachments;
        this.inbox = inbox;
        this.cases = cases;
        this.proposals = proposals;
        this.municipalities = municipalities;
        this.messages = messages;
    }

    @GetMapping("/meldinger")
    String inbox(@RequestParam(name = "tomme", required = false) String withEmpty, @RequestParam Map<String, String> query,
                 Model model) {
        Actor actor = CurrentActor.get();
        if (actor.is(Role.MUNICIPALITY_OFFICER)) {
            model.addAttribute("caseChoices", proposals.list(actor, actor.municipalityNumber(), null, false, 500).stream()
                    .filter(p -> p.status() == ProposalStatus.PENDING || p.status() == ProposalStatus.ACCEPTED).toList());
        } else {
            model.addAttribute("municipalities", municipalities.all());
        }
        boolean empty = "1".equals(withEmpty);
        Map<String, String> paging = new LinkedHashMap<>(query);
        String oldPage = query.get("side");
        if (!paging.containsKey("page") && oldPage != null && oldPage.matches("\\d{1,6}")) {
            // Addresses from before the list component counted ?side= from 1.
            paging.put("page", String.valueOf(Integer.parseInt(oldPage) - 1));
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("tomme", empty ? "1" : null);
        MessageInbox.InboxPage result = inbox.page(actor, empty, PageRequest.inFixedOrder(paging), filters);
        model.addAttribute("inbox", result);
        model.addAttribute("threads", result.threads());
        model.addAttribute("withEmpty", empty);
        return "messages/inbox";
    }

    /** The choice from the inbox: a municipality's general thread (an officer always gets their own). */
    @GetMapping("/meldinger/kommune")
    String chooseMunicipality(@RequestParam(required = false) String nummer) {
        Actor actor = CurrentActor.get();
        String number = actor.is(Role.MUNICIPALITY_OFFICER) ? actor.municipalityNumber() : nummer;
        if (number == null || number.isBlank() || municipalities.find(number).isEmpty()) {
            return "redirect:/meldinger";
        }
        return "redirect:/meldinger/kommune/" + number;
    }

    /** The choice from the inbox: a case's thread. */
    @GetMapping("/meldinger/sak")
    String chooseCase(@RequestParam(required = false) Long sak) {
        return sak == null ? "redirect:/meldinger" : "redirect:/meldinger/sak/" + sak;
    }

    @GetMapping("/meldinger/sak/{caseId}")
    String caseThread(@PathVariable long caseId, @RequestParam(required = false) String kommune, Model model) {
        Actor actor = CurrentActor.get();
        ThreadRef ref = threads.caseThreadToRead(caseId, kommune, actor).orElseThrow(MessageWebController::notFound);
        return show(ref, actor, model, Map.of(), Map.of());
    }

    @GetMapping("/meldinger/kommune/{number}")
    String municipalityThread(@PathVariable String number, Model model) {
        Actor actor = CurrentActor.get();
        ThreadRef ref = threads.municipalityThreadToRead(number, actor).orElseThrow(MessageWebController::notFound);
        return show(ref, actor, model, Map.of(), Map.of());
    }

    @PostMapping("/meldinger/sak/{caseId}")
    String postToCase(@PathVariable long caseId, @RequestParam(required = false) String kommune,
                      @RequestParam Map<String, String> form,
                      @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
                      Model model, RedirectAttributes redirect) throws IOException {
        Actor actor = CurrentActor.get();
        ThreadRef ref = threads.caseThreadToRead(caseId, kommune, actor).orElseThrow(MessageWebController::notFound);
        return post(ref, actor, new FormReader(form), files, model, redirect);
    }

    @PostMapping("/meldinger/kommune/{number}")
    String postToMunicipality(@PathVariable String number, @RequestParam Map<String, String> form,
                              @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
                              Model model, RedirectAttributes redirect) throws IOException {
        Actor actor = CurrentActor.get();
        ThreadRef ref = threads.municipalityThreadToRead(number, actor).orElseThrow(MessageWebController::notFound);
        return post(ref, actor, new FormReader(form), files, model, redirect);
    }

    @PostMapping("/meldinger/sak/{caseId}/kontakt")
    String caseContact(@PathVariable long caseId, @RequestParam(required = false) String kommune,
                       @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        ThreadRef ref = threads.caseThreadToRead(caseId, kommune, actor).orElseThrow(MessageWebController::notFound);
        return contact(ref, actor, new FormReader(form), model, redirect);
    }

    @PostMapping("/meldinger/kommune/{number}/kontakt")
    String municipalityContact(@PathVariable String number, @RequestParam Map<String, String> form,
                               Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        ThreadRef ref = threads.municipalityThreadToRead(number, actor).orElseThrow(MessageWebController::notFound);
        return contact(ref, actor, new FormReader(form), model, redirect);
    }

    @PostMapping("/meldinger/sak/{caseId}/ta")
    String takeCase(@PathVariable long caseId, @RequestParam(required = false) String kommune, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        ThreadRef ref = threads.caseThreadToRead(caseId, kommune, actor).orElseThrow(MessageWebController::notFound);
        return take(ref, actor, redirect);
    }

    @PostMapping("/meldinger/kommune/{number}/ta")
    String takeMunicipality(@PathVariable String number, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        ThreadRef ref = threads.municipalityThreadToRead(number, actor).orElseThrow(MessageWebController::notFound);
        return take(ref, actor, redirect);
    }

    /** Downloads an attachment: only for the thread's participants, every download logged. */
    @GetMapping("/meldinger/vedlegg/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long attachmentId) {
        Actor actor = CurrentActor.get();
        AttachmentFile file = attachments.download(attachmentId, actor).orElseThrow(MessageWebController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    private String post(ThreadRef ref, Actor actor, FormReader form, List<MultipartFile> files, Model model,
                        RedirectAttributes redirect) throws IOException {
        String body = form.raw("body");
        List<NewAttachment> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f != null && !f.isEmpty()) {
                    if (f.getSize() > MessageAttachments.MAX_ATTACHMENT_BYTES) {
                        // Refused before reading the whole file into memory.
                        return show(ref, actor, model, Map.of("attachments", messages.get("error.attachment.tooLarge",
                                f.getOriginalFilename(), 10)), Map.of("body", body == null ? "" : body));
                    }
                    uploads.add(new NewAttachment(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        CommandResult<Long> result = threadMessages.post(ref, actor, body, uploads);
        if (!result.isSuccess()) {
            return show(ref, actor, model, messages.byField(result.failure()), Map.of("body", body == null ? "" : body));
        }
        redirect.addFlashAttribute("success", messages.get("message.sent"));
        return "redirect:" + ref.path() + "#message-" + result.value();
    }

    private String contact(ThreadRef ref, Actor actor, FormReader form, Model model, RedirectAttributes redirect) {
        String name = form.raw("contactName");
        String phone = form.raw("contactPhone");
        String email = form.raw("contactEmail");
        CommandResult<Void> result = threads.setMunicipalityContact(ref, actor, name, phone, email);
        if (!result.isSuccess()) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("contactName", name == null ? "" : name);
            values.put("contactPhone", phone == null ? "" : phone);
            values.put("contactEmail", email == null ? "" : email);
            return show(ref, actor, model, messages.byField(result.failure()), values);
        }
        redirect.addFlashAttribute("success", messages.get("message.contactSaved"));
        return "redirect:" + ref.path();
    }

    private String take(ThreadRef ref, Actor actor, RedirectAttributes redirect) {
        CommandResult<Void> result = threads.takeAsAgencyContact(ref, actor);
        redirect.addFlashAttribute(result.isSuccess() ? "success" : "failure",
                result.isSuccess() ? messages.get("message.taken") : messages.of(result.failure()));
        return "redirect:" + ref.path();
    }

    /**
     * The thread page. Reading never creates the thread (the first message or contact does); reading an existing
     * thread moves the reader's own read marker, as opening an e-mail marks it read.
     */
    private String show(ThreadRef ref, Actor actor, Model model, Map<String, String> errors, Map<String, String> values) {
        ThreadView view = threadMessages.view(ref, actor);
        threadMessages.markRead(ref, actor);
        model.addAttribute("thread", view);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("isCase", ref.kind() == ThreadKind.CASE);
        model.addAttribute("canSetContact", actor.isMunicipality(ref.municipalityNumber()));
        model.addAttribute("canTake", actor.isAgency() && !actor.username().equals(view.agencyContactUsername()));
        model.addAttribute("ownSide", actor.isAgency() ? "AGENCY" : "MUNICIPALITY");
        model.addAttribute("maxBody", ThreadMessages.MAX_BODY);
        if (ref.kind() == ThreadKind.CASE) {
            // Names only where the reader may see them: the agency, and the municipality once it has accepted.
            Optional<CaseDetail> detail = cases.detail(ref.caseId(), actor, "web:/meldinger/sak/" + ref.caseId());
            model.addAttribute("names", detail.map(d -> d.persons().stream().map(PersonView::fullName).toList()).orElse(List.of()));
            model.addAttribute("caseVisible", detail.isPresent());
            model.addAttribute("otherThreads", threads.caseThreadMunicipalities(ref.caseId(), actor).stream()
                    .filter(m -> !m.equals(ref.municipalityNumber())).toList());
        }
        return "messages/thread";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
