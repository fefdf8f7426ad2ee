package com.atalaya.channels.webchat;

import com.atalaya.channels.webchat.ChattingWithVisitors.Widget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The embed script every customer site loads, and the chat frame it opens. The frame is served
 * from here so the visitor API is same-origin and the host page's styles cannot leak in.
 */
@Controller
class WebchatPages implements WebMvcConfigurer {

    static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

    private final ChattingWithVisitors chats;
    private final MessageSource messages;
    private final byte[] embedScript;
    private final String embedEtag;

    WebchatPages(ChattingWithVisitors chats, MessageSource messages) {
        this.chats = chats;
        this.messages = messages;
        this.embedScript = read("webchat/widget.js");
        this.embedEtag = "\"" + sha256(embedScript).substring(0, 16) + "\"";
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/widget/assets/**")
                .addResourceLocations("classpath:/webchat/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }

    /** The embed: {@code <script src=".../widget.js" data-workspace="SLUG" async></script>}. */
    @GetMapping("/widget.js")
    @ResponseBody
    ResponseEntity<byte[]> embed(@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        boolean unchanged = embedEtag.equals(ifNoneMatch);
        return ResponseEntity.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .eTag(embedEtag)
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .contentType(JAVASCRIPT)
                .body(unchanged ? null : embedScript);
    }

    @GetMapping("/widget/{slug}/frame")
    String frame(@PathVariable String slug, Model model, Locale locale) {
        Widget widget = chats.widget(slug);
        WebchatSettings settings = widget.settings();
        String greeting = settings.hasDefaultGreeting()
                ? messages.getMessage("webchat.greeting.default", null, settings.greeting(), locale)
                : settings.greeting();
        model.addAttribute("slug", widget.slug());
        model.addAttribute("settings", settings);
        model.addAttribute("greeting", greeting);
        model.addAttribute("initial", initial(settings.title()));
        model.addAttribute(
                "themeVersion",
                sha256(settings.accentColor().getBytes(StandardCharsets.UTF_8)).substring(0, 8));
        model.addAttribute("maxMessage", WebchatInput.MAX_MESSAGE);
        return "webchat/frame";
    }

    /** The accent colour as CSS variables: the frame's policy allows no inline styles. */
    @GetMapping("/widget/{slug}/theme.css")
    @ResponseBody
    ResponseEntity<String> theme(@PathVariable String slug) {
        String accent = chats.widget(slug).settings().accentColor();
        String css = ":root{--wc-accent:" + accent + ";--wc-on-accent:" + onAccent(accent) + ";}\n";
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(CSS)
                .body(css);
    }

    @ExceptionHandler(WebchatProblem.class)
    String unavailable(WebchatProblem e, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(e.status().value());
        return "webchat/unavailable";
    }

    /** Black or white, whichever reads better on the accent (WCAG relative luminance). */
    static String onAccent(String hex) {
        String six = hex.length() == 4
                ? "" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3) + hex.charAt(3)
                : hex.substring(1);
        double luminance = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(six.substring(i * 2, i * 2 + 2), 16) / 255.0;
            c = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
            luminance += weights[i] * c;
        }
        double contrastWithWhite = 1.05 / (luminance + 0.05);
        double contrastWithBlack = (luminance + 0.05) / 0.05;
        return contrastWithWhite >= contrastWithBlack ? "#ffffff" : "#111827";
    }

    private static String initial(String title) {
        if (title == null || title.isBlank()) {
            return "?";
        }
        int first = title.strip().codePointAt(0);
        return new String(Character.toChars(first)).toUpperCase(Locale.ROOT);
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + path, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
