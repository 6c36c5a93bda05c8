package org.cameraregistry.notification.template;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cameraregistry.notification.NotificationProperties;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders each kind of email from {@code mail/<kind>.subject.txt}, {@code mail/<kind>.txt} and
 * {@code mail/<kind>.html}, in the
 * recipient's language where {@code mail/messages_<language>.properties} has it and in English
 * otherwise. The HTML part escapes every value (Thymeleaf's {@code th:text}); the subject loses any
 * control character, so that no value can add a header.
 */
@Component
public class EmailTemplates {

    /** The languages the messages are written in; the first is the fallback. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final NotificationProperties.Program program;

    public EmailTemplates(NotificationProperties properties) {
        this.program = properties.program();
    }

    /**
     * The email of {@code kind} for a recipient speaking {@code locale}.
     *
     * @param values the kind's own values (see its templates), beside which every template gets
     *               {@code program}, {@code displayName}, {@code optional}, {@code unsubscribeUrl},
     *               {@code preferencesUrl} and {@code formatTime}
     */
    public RenderedEmail render(NotificationKind kind, Locale locale, Recipient recipient, Map<String, ?> values) {
        Locale language = languageFor(locale);
        Map<String, Object> variables = new HashMap<>(values);
        variables.put("program", program);
        variables.put("displayName", recipient.displayName());
        variables.put("optional", kind.optional());
        variables.put("footerKey", "footer." + kind.key());
        variables.put("unsubscribeUrl", recipient.unsubscribeUrl());
        variables.put("preferencesUrl", recipient.preferencesUrl());
        variables.put("portalUrl", program.publicBaseUrl().toString());
        variables.put("times", new Times(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(language).withZone(program.timeZone())));
        Context context = new Context(language, variables);
        String subject = text.process(kind.key() + ".subject", context).strip();
        return new RenderedEmail(subject.replaceAll("\\p{Cntrl}+", " "),
                text.process(kind.key(), context), html.process(kind.key(), context));
    }

    /** The language an email to {@code locale} is written in: its own if the messages have it, else English. */
    public static Locale languageFor(Locale locale) {
        return LANGUAGES.stream().filter(language -> language.getLanguage().equals(locale.getLanguage()))
                .findFirst().orElse(LANGUAGES.getFirst());
    }

    /**
     * Who an email goes to, as the templates need it.
     *
     * @param displayName    how the email greets them
     * @param unsubscribeUrl the one-click link that turns this kind off, for an optional kind
     * @param preferencesUrl the link to all their email preferences
     */
    public record Recipient(String displayName, String unsubscribeUrl, String preferencesUrl) {
    }

    /** Formats instants in the program's zone and the email's language, for the templates. */
    public record Times(DateTimeFormatter formatter) {

        public String format(Instant instant) {
            return formatter.format(instant);
        }
    }

    private SpringTemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailTemplates.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages());
        return engine;
    }

    private static MessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("mail/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        // Every message goes through MessageFormat, so an apostrophe is always written '' and never depends on arguments.
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
