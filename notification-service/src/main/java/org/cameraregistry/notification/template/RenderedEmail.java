package org.cameraregistry.notification.template;

/**
 * An email ready to send: both parts say the same, for mail programs that show only one.
 *
 * @param subject one line, with no control characters
 * @param text    the plain-text part
 * @param html    the HTML part, every value in it escaped
 */
public record RenderedEmail(String subject, String text, String html) {
}
