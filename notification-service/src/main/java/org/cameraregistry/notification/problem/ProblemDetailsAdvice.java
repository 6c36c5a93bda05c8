package org.cameraregistry.notification.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cameraregistry.chassis.problem.FieldProblem;
import org.cameraregistry.chassis.problem.ProblemDetailsHandler;
import org.cameraregistry.notification.NotificationProperties;
import org.cameraregistry.notification.preference.PreferencePages;
import org.cameraregistry.notification.preference.RefusedLinkException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * notification-service's errors as problem details, beside those every service shares. A refused
 * link is opened by people from their mail, so a browser (which asks for {@code text/html}) is
 * answered with a page saying the same in its language; every other client gets problem details.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

    private final ITemplateEngine pages;
    private final NotificationProperties.Program program;

    ProblemDetailsAdvice(ITemplateEngine pages, NotificationProperties properties) {
        this.pages = pages;
        this.program = properties.program();
    }

    @ExceptionHandler(RefusedLinkException.class)
    ResponseEntity<Object> refusedLink(RefusedLinkException ex, HttpServletRequest request) {
        return switch (ex.reason()) {
            case FORGED -> refused(request, HttpStatus.FORBIDDEN, "link-forged", "Link not valid", ex.getMessage());
            case EXPIRED -> refused(request, HttpStatus.GONE, "link-expired", "Link expired", ex.getMessage());
            case WRONG_PAGE -> refused(request, HttpStatus.FORBIDDEN, "link-wrong-page", "Link for another page",
                    ex.getMessage());
        };
    }

    @ExceptionHandler(PreferencePages.AccountErasedException.class)
    ResponseEntity<Object> accountErased(PreferencePages.AccountErasedException ex, HttpServletRequest request) {
        return refused(request, HttpStatus.NOT_FOUND, "account-erased", "Account erased", ex.getMessage());
    }

    @ExceptionHandler(PreferencePages.UnknownKindException.class)
    ResponseEntity<Object> unknownKind(PreferencePages.UnknownKindException ex) {
        return invalid(List.of(new FieldProblem("receive", ex.kind() + " is not an email that can be turned off")),
                new HttpHeaders());
    }

    private ResponseEntity<Object> refused(HttpServletRequest request, HttpStatus status, String type, String title,
            String detail) {
        if (!asksForHtml(request)) {
            return problem(status, type, title, detail);
        }
        Locale locale = LocaleContextHolder.getLocale();
        String page = pages.process("notifications/refused", new Context(locale, Map.of("problem", type, "program", program)));
        HttpHeaders headers = new HttpHeaders();
        PreferencePages.PAGE_HEADERS.forEach(headers::set);
        headers.setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        return ResponseEntity.status(status).headers(headers).body(page);
    }

    /** Browsers name {@code text/html} first; API clients and mail clients' one-click requests do not. */
    private static boolean asksForHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        MimeTypeUtils.sortBySpecificity(accepted);
        return accepted.stream().filter(type -> !type.isWildcardType()).findFirst()
                .map(type -> type.isCompatibleWith(MediaType.TEXT_HTML)).orElse(false);
    }
}
