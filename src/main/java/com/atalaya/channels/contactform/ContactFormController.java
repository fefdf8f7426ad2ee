package com.atalaya.channels.contactform;

import com.atalaya.channels.ChannelConnection;
import com.atalaya.channels.ChannelConnections;
import com.atalaya.channels.IdentityKind;
import com.atalaya.channels.InboundMessage;
import com.atalaya.channels.Party;
import com.atalaya.channels.RateLimits;
import com.atalaya.channels.ReceivingMessages;
import com.atalaya.identity.TextInput;
import com.atalaya.identity.WorkspaceDirectory;
import com.atalaya.identity.WorkspaceView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyEditorSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The hosted contact form ({@code /forms/{slug}}, {@code ?embed=1} for an iframe). Posts fields
 * {@code name}, {@code email}, {@code message}; a hidden honeypot field catches bots, and each IP
 * may send a few messages per ten minutes. Every field is checked in one pass (lengths first, no
 * backtracking expressions) and a field with a control character is shown back as an error before
 * anything is received.
 */
@Controller
class ContactFormController {

    static final int MAX_MESSAGE = 5000;
    static final int MAX_NAME = 120;

    private final WorkspaceDirectory directory;
    private final ChannelConnections connections;
    private final ReceivingMessages receiving;
    private final RateLimits limits = new RateLimits(5, Duration.ofMinutes(10));

    ContactFormController(WorkspaceDirectory directory, ChannelConnections connections, ReceivingMessages receiving) {
        this.directory = directory;
        this.connections = connections;
        this.receiving = receiving;
    }

    /**
     * The form's own checks below explain a control character next to its field, so its fields
     * skip the application-wide refusal of parameters with control characters.
     */
    @InitBinder
    void fieldsAsTyped(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text);
            }
        });
    }

    @GetMapping("/forms/{slug}")
    String form(@PathVariable String slug, @RequestParam(defaultValue = "0") boolean embed, Model model) {
        prepare(slug, embed, model);
        return "channels/contact-form";
    }

    @PostMapping("/forms/{slug}")
    String submit(
            @PathVariable String slug,
            @RequestParam(defaultValue = "0") boolean embed,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String message,
            @RequestParam(name = "website", required = false) String honeypot,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ChannelConnection connection = prepare(slug, embed, model);
        if (honeypot != null && !honeypot.isBlank()) {
            model.addAttribute("sent", true);
            return "channels/contact-form";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = name == null ? "" : TextInput.singleLine(name);
        String cleanEmail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String cleanMessage = message == null ? "" : message.strip();
        if (cleanName.length() > MAX_NAME) {
            errors.put("name", "form.error.nameTooLong");
        } else if (TextInput.hasControlCharacter(cleanName)) {
            errors.put("name", "form.error.control");
        }
        if (!TextInput.isEmailAddress(cleanEmail)) {
            errors.put("email", "form.error.email");
        }
        if (cleanMessage.isEmpty()) {
            errors.put("message", "form.error.messageEmpty");
        } else if (cleanMessage.length() > MAX_MESSAGE) {
            errors.put("message", "form.error.messageTooLong");
        } else if (TextInput.hasControlCharacter(cleanMessage)) {
            errors.put("message", "form.error.control");
        }
        model.addAttribute("name", TextInput.withoutControlCharacters(cleanName));
        model.addAttribute("email", TextInput.withoutControlCharacters(cleanEmail));
        model.addAttribute("message", TextInput.withoutControlCharacters(cleanMessage));
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "channels/contact-form";
        }
        var wait = limits.tryTake(request.getRemoteAddr() + "|" + slug);
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", String.valueOf(wait.getAsLong()));
            model.addAttribute("errors", Map.of("form", "form.error.tooMany"));
            return "channels/contact-form";
        }
        receiving.receive(
                connection,
                new InboundMessage(
                        "form-" + UUID.randomUUID(),
                        new Party(IdentityKind.EMAIL, cleanEmail, cleanName.isEmpty() ? null : cleanName),
                        null,
                        cleanMessage,
                        null,
                        List.of(),
                        null,
                        List.of(),
                        Instant.now(),
                        false));
        model.addAttribute("sent", true);
        return "channels/contact-form";
    }

    private ChannelConnection prepare(String slug, boolean embed, Model model) {
        WorkspaceView workspace =
                directory.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ChannelConnection connection = connections
                .first(workspace.id(), ContactFormChannel.TYPE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> settings = connections.settings(connection);
        model.addAttribute("workspace", workspace);
        model.addAttribute("settings", settings);
        model.addAttribute("embed", embed);
        model.addAttribute("maxMessage", MAX_MESSAGE);
        return connection;
    }
}
