package no.bosetting.letters.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.bosetting.access.Actor;
import no.bosetting.access.CurrentActor;
import no.bosetting.letters.LetterKind;
import no.bosetting.letters.LetterTemplate;
import no.bosetting.letters.LetterTemplates;
import no.bosetting.letters.Letters;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.FieldProblem;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency administrator's letter templates: list, edit (each save a new version), history, PDF preview. */
@Controller
class LetterTemplateController {

    private final LetterTemplates templates;
    private final Letters letters;
    private final Messages messages;

    LetterTemplateController(LetterTemplates templates, Letters letters, Messages messages) {
        this.templates = templates;
        this.letters = letters;
        this.messages = messages;
    }

    @GetMapping("/brevmaler")
    String list(Model model) {
        model.addAttribute("templates", templates.current());
        return "letters/templates";
    }

    @GetMapping("/brevmaler/rediger")
    String edit(@RequestParam(required = false) String kind, @RequestParam(name = "sprak", required = false) String lang,
                @RequestParam(required = false) Integer versjon, Model model) {
        LetterKind k = LetterKind.parse(kind);
        if (k == null || !k.languages().contains(lang)) {
            return "redirect:/brevmaler";
        }
        Optional<LetterTemplate> shown = versjon == null ? templates.current(k, lang) : templates.version(k, lang, versjon);
        if (shown.isEmpty()) {
            return "redirect:/brevmaler/rediger?kind=" + k.name() + "&sprak=" + lang;
        }
        model.addAttribute("title", shown.get().title());
        model.addAttribute("body", shown.get().body());
        model.addAttribute("shown", shown.get());
        return form(k, lang, Map.of(), model);
    }

    @PostMapping("/brevmaler/rediger")
    String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormReader r = new FormReader(form);
        LetterKind k = LetterKind.parse(r.text("kind"));
        String lang = r.text("sprak");
        String title = r.raw("title");
        String body = r.raw("body");
        if (k == null || !k.languages().contains(lang)) {
            return "redirect:/brevmaler";
        }
        Actor actor = CurrentActor.get();
        Map<String, String> errors = messages.byField(templates.validate(k, title, body));
        if (errors.isEmpty()) {
            CommandResult<LetterTemplate> result = templates.save(actor, k, lang, title, body);
            if (result.isSuccess()) {
                redirect.addFlashAttribute("success", messages.get("letters.saved", result.value().version()));
                return "redirect:/brevmaler/rediger?kind=" + k.name() + "&sprak=" + lang;
            }
            errors = messages.byField(result.failure());
        }
        model.addAttribute("title", title);
        model.addAttribute("body", body);
        return form(k, lang, errors, model);
    }

    /** A preview of the text in the form, as PDF with sample data; with errors the form is shown again. */
    @PostMapping("/brevmaler/forhandsvisning")
    Object previewDraft(@RequestParam Map<String, String> form, Model model) {
        FormReader r = new FormReader(form);
        LetterKind k = LetterKind.parse(r.text("kind"));
        String lang = r.text("sprak");
        String title = r.raw("title");
        String body = r.raw("body");
        if (k == null || !k.languages().contains(lang)) {
            return "redirect:/brevmaler";
        }
        List<FieldProblem> problems = templates.validate(k, title, body);
        if (!problems.isEmpty()) {
            model.addAttribute("title", title);
            model.addAttribute("body", body);
            return form(k, lang, messages.byField(problems), model);
        }
        return pdf(letters.preview(k, lang, title, body), "forhandsvisning-" + k.name().toLowerCase() + "-" + lang + ".pdf");
    }

    /** A stored version as PDF with sample data. */
    @GetMapping("/brevmaler/forhandsvisning")
    Object previewVersion(@RequestParam(required = false) String kind, @RequestParam(name = "sprak", required = false) String lang,
                          @RequestParam(required = false) Integer versjon) {
        LetterKind k = LetterKind.parse(kind);
        Optional<LetterTemplate> template = k == null || !k.languages().contains(lang) ? Optional.empty()
                : versjon == null ? templates.current(k, lang) : templates.version(k, lang, versjon);
        if (template.isEmpty()) {
            return "redirect:/brevmaler";
        }
        LetterTemplate t = template.get();
        return pdf(letters.preview(k, lang, t.title(), t.body()),
                "forhandsvisning-" + k.name().toLowerCase() + "-" + lang + "-v" + t.version() + ".pdf");
    }

    private String form(LetterKind kind, String lang, Map<String, String> errors, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("lang", lang);
        model.addAttribute("current", templates.current(kind, lang).orElse(null));
        model.addAttribute("history", templates.history(kind, lang));
        model.addAttribute("errors", errors);
        return "letters/template-edit";
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(pdf);
    }
}
