package org.cameraregistry.notification.preference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cameraregistry.chassis.openapi.ProblemResponses;
import org.cameraregistry.notification.NotificationProperties;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages the links in emails open, with no sign-in: the token in the link is the permission.
 * {@code POST /notifications/unsubscribe} is also the one-click unsubscribe of RFC 8058, which mail
 * clients send with the body {@code List-Unsubscribe=One-Click}; a {@code GET} of the same link only
 * asks, since link scanners follow links in emails.
 */
@Controller
@RequestMapping("/notifications")
@Tag(name = "Email preferences", description = "The pages behind the unsubscribe and preference links in emails;"
        + " the signed `token` of the link is the permission.")
public class PreferencePages {

    public static final String UNSUBSCRIBE_PATH = "/notifications/unsubscribe";
    public static final String PREFERENCES_PATH = "/notifications/preferences";

    /**
     * Headers of every page: no script at all, the one style sheet and the forms on this origin, never
     * framed; and since the token is in the address, it must not leak through a referrer, a cache or a
     * search engine.
     */
    public static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'self';"
                    + " frame-ancestors 'none'; base-uri 'none'",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store",
            "X-Robots-Tag", "noindex");

    private static final String LINK_REFUSED = "`link-forged` (403): the link is not one we sent or was changed;"
            + " `link-expired` (410): its time is over; `link-wrong-page` (403, preferences only): a one-kind link";

    private final PreferenceLinks links;
    private final NotificationProperties.Program program;

    PreferencePages(PreferenceLinks links, NotificationProperties properties) {
        this.links = links;
        this.program = properties.program();
    }

    @ModelAttribute
    void pageHeaders(HttpServletResponse response) {
        PAGE_HEADERS.forEach(response::setHeader);
    }

    @ModelAttribute("program")
    NotificationProperties.Program program() {
        return program;
    }

    @Operation(summary = "Asks whether to stop the emails the link names", description = "Changes nothing.")
    @ApiResponse(responseCode = "200", description = "A page with the button that unsubscribes",
            content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
    @ApiResponse(responseCode = "403", description = LINK_REFUSED, content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    @GetMapping(path = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    String confirmUnsubscribe(@Parameter(description = "The signed token of the link") @RequestParam String token,
            Model model) {
        model.addAttribute("token", token);
        model.addAttribute("kinds", keys(links.kindsOf(token)));
        return "notifications/unsubscribe";
    }

    @Operation(summary = "Stops the emails the link names (RFC 8058 one-click unsubscribe)",
            description = "Mail clients send the body `List-Unsubscribe=One-Click`; unsubscribing twice is the same as once.")
    @ApiResponse(responseCode = "200", description = "A page saying the emails are stopped",
            content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
    @ApiResponse(responseCode = "403", description = LINK_REFUSED, content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    @PostMapping(path = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    String unsubscribe(@Parameter(description = "The signed token of the link") @RequestParam String token,
            Model model) {
        Set<NotificationKind> stopped = links.unsubscribe(token);
        model.addAttribute("token", token);
        model.addAttribute("kinds", keys(stopped));
        return "notifications/unsubscribed";
    }

    @Operation(summary = "The account's email preferences", description = "Every kind of email, the optional ones"
            + " with whether they are received, the mandatory ones with why they cannot be turned off.")
    @ApiResponse(responseCode = "200", description = "A page with a form of the optional kinds",
            content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
    @ApiResponse(responseCode = "403", description = LINK_REFUSED, content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    @ApiResponse(responseCode = "404", description = "`account-erased`: no email goes to this account any more",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON,
                    schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    @GetMapping(path = "/preferences", produces = MediaType.TEXT_HTML_VALUE)
    String preferences(@Parameter(description = "The signed token of the link") @RequestParam String token,
            Model model) {
        Set<NotificationKind> receiving = links.receiving(token).orElseThrow(AccountErasedException::new);
        return preferencesPage(token, receiving, false, model);
    }

    @Operation(summary = "Chooses which optional emails the account receives",
            description = "A form with one `receive` field per optional kind to receive; the others are turned off.")
    @ApiResponse(responseCode = "200", description = "The preferences page, saying they are saved",
            content = @Content(mediaType = MediaType.TEXT_HTML_VALUE))
    @ApiResponse(responseCode = "400", description = "`invalid-request`: a `receive` value is not an optional kind",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON,
                    schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    @ApiResponse(responseCode = "403", description = LINK_REFUSED, content = @Content(
            mediaType = ProblemResponses.PROBLEM_JSON, schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    @ApiResponse(responseCode = "404", description = "`account-erased`: no email goes to this account any more",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON,
                    schema = @Schema(ref = ProblemResponses.PROBLEM_REF)))
    @PostMapping(path = "/preferences", produces = MediaType.TEXT_HTML_VALUE)
    String choose(@Parameter(description = "The signed token of the link") @RequestParam String token,
            @Parameter(description = "An optional kind to receive, once per kind")
            @RequestParam(name = "receive", required = false) List<String> receive, Model model) {
        Set<NotificationKind> receiving = EnumSet.noneOf(NotificationKind.class);
        for (String key : receive == null ? List.<String>of() : receive) {
            receiving.add(NotificationKind.byKey(key).filter(NotificationKind::optional)
                    .orElseThrow(() -> new UnknownKindException(key)));
        }
        if (!links.choose(token, receiving)) {
            throw new AccountErasedException();
        }
        return preferencesPage(token, receiving, true, model);
    }

    private static String preferencesPage(String token, Set<NotificationKind> receiving, boolean saved, Model model) {
        List<Choice> choices = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            choices.add(new Choice(kind.key(), kind.optional(), !kind.optional() || receiving.contains(kind)));
        }
        model.addAttribute("token", token);
        model.addAttribute("choices", choices);
        model.addAttribute("saved", saved);
        return "notifications/preferences";
    }

    private static List<String> keys(Set<NotificationKind> kinds) {
        return kinds.stream().map(NotificationKind::key).toList();
    }

    /**
     * One line of the preferences page.
     *
     * @param kind      the kind's key
     * @param optional  whether it can be turned off
     * @param receiving whether the account receives it
     */
    public record Choice(String kind, boolean optional, boolean receiving) {
    }

    /** The account behind a genuine link is erased. */
    public static class AccountErasedException extends RuntimeException {

        AccountErasedException() {
            super("This account is erased: we send it no email any more and keep no preferences for it.");
        }
    }

    /** A form named a kind that does not exist or cannot be turned off. */
    public static class UnknownKindException extends RuntimeException {

        private final String kind;

        UnknownKindException(String kind) {
            super("receive: " + kind + " is not an email that can be turned off");
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }
}
