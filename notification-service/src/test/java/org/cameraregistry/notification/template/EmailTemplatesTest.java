package org.cameraregistry.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cameraregistry.notification.NotificationProperties;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.cameraregistry.notification.digest.LiveAccessNotice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Renders every template with sample data, in English and Spanish, to target/rendered-emails for review. */
class EmailTemplatesTest {

    private static final Path OUTPUT = Path.of("target", "rendered-emails");
    private static final Instant AT = Instant.parse("2026-11-23T18:30:00Z");
    private static final String HOSTILE_NAME = "Ana <script>alert(1)</script> & \"Co\"\r\nBcc: x@example.org";

    private final EmailTemplates templates = new EmailTemplates(new NotificationProperties(
            new NotificationProperties.Program("Community Camera Registry", "Dallas Police Department",
                    URI.create("https://cameras.dallaspolice.example"), "Registry <no-reply@example.org>",
                    ZoneId.of("America/Chicago")),
            null, null, null, null));

    private final EmailTemplates.Recipient recipient = new EmailTemplates.Recipient("María López",
            "https://cameras.dallaspolice.example/notifications/unsubscribe?token=abc",
            "https://cameras.dallaspolice.example/notifications/preferences?token=def");

    static Map<String, Object> sampleValues(NotificationKind kind) {
        return switch (kind) {
            case ACCOUNT_VERIFICATION, PASSWORD_RESET -> Map.of(
                    "link", URI.create("https://cameras.dallaspolice.example/verify?token=q9X&step=2"),
                    "expiresAt", AT.plus(Duration.ofDays(1)));
            case STAFF_INVITATION -> Map.of(
                    "link", URI.create("https://cameras.dallaspolice.example/accounts/reset-password?token=q9X"),
                    "expiresAt", AT.plus(Duration.ofDays(7)), "department", "Dallas Police Department");
            case EMAIL_CHANGE_CONFIRMATION -> Map.of(
                    "link", URI.create("https://cameras.dallaspolice.example/accounts/email/confirm?token=q9X"),
                    "expiresAt", AT.plus(Duration.ofDays(1)));
            case EMAIL_CHANGED -> Map.of("newAddress", "m***@example.net");
            case ACCOUNT_ERASED -> Map.of();
            case CAMERA_REGISTERED -> Map.of("label", "Back door <\"alley\"> & lot", "level2", true);
            case CAMERA_DELETED -> Map.of("cameraId", UUID.fromString("0b6f2a4e-8c1d-4f7a-9e3b-5d2c1a0f9e87"));
            case LIVE_ACCESS_OPENED -> Map.of("notices", List.of(
                    new LiveAccessNotice("e1", UUID.fromString("0b6f2a4e-8c1d-4f7a-9e3b-5d2c1a0f9e87"), "dallas-pd",
                            "DPD-2026-118734", AT, AT.plus(Duration.ofMinutes(30))),
                    new LiveAccessNotice("e2", UUID.fromString("7c1e2f3a-8c1d-4f7a-9e3b-5d2c1a0f9e87"), "dallas-pd",
                            null, AT.plus(Duration.ofMinutes(10)), AT.plus(Duration.ofMinutes(40)))));
        };
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindRendersInEnglishAndSpanishToFilesForReview(NotificationKind kind) throws IOException {
        for (Locale locale : List.of(Locale.forLanguageTag("en-US"), Locale.forLanguageTag("es-US"))) {
            RenderedEmail email = templates.render(kind, locale, recipient, sampleValues(kind));
            String name = kind.key() + "." + EmailTemplates.languageFor(locale).getLanguage();
            Files.createDirectories(OUTPUT);
            Files.writeString(OUTPUT.resolve(name + ".html"), email.html());
            Files.writeString(OUTPUT.resolve(name + ".txt"), "Subject: " + email.subject() + "\n\n" + email.text());

            assertThat(email.subject()).isNotBlank().doesNotContain("??", "[(", "${");
            assertThat(email.text()).contains("María López").contains("Dallas Police Department")
                    .doesNotContain("??", "[(", "${", "#{");
            assertThat(email.html()).contains("lang=\"" + EmailTemplates.languageFor(locale).getLanguage() + "\"")
                    .contains("María López").doesNotContain("??", " th:", "${", "#{");
            if (kind.optional()) {
                assertThat(email.text()).contains(recipient.unsubscribeUrl(), recipient.preferencesUrl());
                assertThat(email.html()).contains("href=\"" + recipient.unsubscribeUrl() + "\"");
            } else {
                assertThat(email.text()).doesNotContain(recipient.unsubscribeUrl());
                assertThat(email.text().toLowerCase(locale)).containsAnyOf("cannot turn this email off",
                        "no puede desactivar este correo");
            }
        }
    }

    @Test
    void spanishIsUsedWhereATranslationExistsAndEnglishElsewhere() {
        Map<String, Object> values = sampleValues(NotificationKind.PASSWORD_RESET);
        assertThat(templates.render(NotificationKind.PASSWORD_RESET, Locale.forLanguageTag("es-MX"), recipient, values)
                .subject()).isEqualTo("Restablezca su contraseña de Community Camera Registry");
        assertThat(templates.render(NotificationKind.PASSWORD_RESET, Locale.forLanguageTag("fr-CA"), recipient, values)
                .subject()).isEqualTo("Reset your Community Camera Registry password");
    }

    @Test
    void everyValueIsEscapedInHtmlAndNoValueCanBreakTheSubject() {
        EmailTemplates.Recipient hostile = new EmailTemplates.Recipient(HOSTILE_NAME,
                "https://x.example/u?a=1&b=\"2\"", "https://x.example/p");
        RenderedEmail email = templates.render(NotificationKind.CAMERA_REGISTERED, Locale.ENGLISH, hostile,
                Map.of("label", "Lot\r\nBcc: victim@example.org <b>bold</b>", "level2", false));

        assertThat(email.html()).doesNotContain("<script>", "<b>bold</b>", "b=\"2\"")
                .contains("&lt;script&gt;", "&lt;b&gt;bold&lt;/b&gt;", "&amp;b=&quot;2&quot;");
        assertThat(email.subject()).doesNotContain("\r", "\n").startsWith("Camera registered: Lot ");
    }

    @Test
    void aDigestSaysHowManyAccessesItTellsOf() {
        RenderedEmail one = templates.render(NotificationKind.LIVE_ACCESS_OPENED, Locale.ENGLISH, recipient,
                Map.of("notices", List.of(((List<?>) sampleValues(NotificationKind.LIVE_ACCESS_OPENED).get("notices")).get(0))));
        RenderedEmail two = templates.render(NotificationKind.LIVE_ACCESS_OPENED, Locale.ENGLISH, recipient,
                sampleValues(NotificationKind.LIVE_ACCESS_OPENED));

        assertThat(one.subject()).isEqualTo("The police saw one of your cameras live");
        assertThat(two.subject()).isEqualTo("The police saw your cameras live 2 times");
        assertThat(two.text()).contains("0b6f2a4e-8c1d-4f7a-9e3b-5d2c1a0f9e87", "7c1e2f3a-8c1d-4f7a-9e3b-5d2c1a0f9e87",
                "for incident DPD-2026-118734", "November 23, 2026");
    }
}
