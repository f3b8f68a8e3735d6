package no.bosetting.selfservice.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import no.bosetting.access.Actor;
import no.bosetting.access.BosettingUser;
import no.bosetting.selfservice.RefugeeSignIn;
import no.bosetting.shared.CommandResult;
import no.bosetting.shared.web.FormReader;
import no.bosetting.shared.web.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Refugee sign-in: DUF number, then the one-time code. The DUF number waits in the session between the
 * two steps (never in the URL); a successful code gives a new session id and a saved security context.
 */
@Controller
class RefugeeSignInController {

    static final String PENDING_DUF = "selfservice.pendingDuf";

    private final RefugeeSignIn signIn;
    private final Messages messages;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    RefugeeSignInController(RefugeeSignIn signIn, Messages messages) {
        this.signIn = signIn;
        this.messages = messages;
    }

    @GetMapping("/min-side/logg-inn")
    String start(@RequestParam(required = false) String krevd, Model model) {
        // ?krevd: the refugee came from a page of Min side without being signed in (or the session ran out).
        model.addAttribute("signInRequired", krevd != null);
        return startPage(model, "", Map.of());
    }

    @PostMapping("/min-side/logg-inn")
    String requestCode(@RequestParam Map<String, String> form, HttpSession session, Model model) {
        String dufNumber = new FormReader(form).raw("dufNumber");
        CommandResult<String> result = signIn.requestCode(dufNumber);
        if (!result.isSuccess()) {
            return startPage(model, dufNumber, messages.byField(result.failure()));
        }
        session.setAttribute(PENDING_DUF, result.value());
        return "redirect:/min-side/logg-inn/kode";
    }

    @GetMapping("/min-side/logg-inn/kode")
    String codeForm(HttpSession session, Model model) {
        if (session.getAttribute(PENDING_DUF) == null) {
            return "redirect:/min-side/logg-inn";
        }
        return codePage(model, Map.of());
    }

    @PostMapping("/min-side/logg-inn/kode")
    String verify(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        String code = new FormReader(form).raw("code");
        HttpSession session = request.getSession();
        String duf = (String) session.getAttribute(PENDING_DUF);
        if (duf == null) {
            return "redirect:/min-side/logg-inn";
        }
        CommandResult<Actor> result = signIn.verify(duf, code);
        if (!result.isSuccess()) {
            return codePage(model, messages.byField(result.failure()));
        }
        session.removeAttribute(PENDING_DUF);
        request.changeSessionId(); // no session fixation
        BosettingUser user = new BosettingUser(result.value());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/min-side";
    }

    /** The demo mailbox: shows the one-time codes that would have been sent. Absent (404) unless enabled. */
    @GetMapping("/demo-postkasse")
    String mailbox(Model model) {
        if (!signIn.demoMailbox()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("codes", signIn.demoCodes());
        return "selfservice/demo-mailbox";
    }

    private String startPage(Model model, String dufNumber, Map<String, String> errors) {
        model.addAttribute("dufNumber", dufNumber == null ? "" : dufNumber);
        model.addAttribute("errors", errors);
        model.addAttribute("demo", signIn.demoMailbox());
        model.addAttribute("examples", signIn.exampleDufNumbers());
        return "selfservice/sign-in";
    }

    private String codePage(Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("demo", signIn.demoMailbox());
        model.addAttribute("minutes", RefugeeSignIn.VALIDITY.toMinutes());
        return "selfservice/code";
    }

}
