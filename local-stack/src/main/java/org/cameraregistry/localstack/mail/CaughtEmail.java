package org.cameraregistry.localstack.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One email the catcher received, as its web page and API show it.
 *
 * @param id         stable while the catcher runs: from the message's id and its recipient
 * @param receivedAt when the catcher took it
 * @param headers    every header, in order, by name
 */
public record CaughtEmail(String id, Instant receivedAt, Address from, List<Address> to, String subject,
        Map<String, List<String>> headers, String text, String html) {

    /** A mailbox as Mailpit's API names it. */
    public record Address(String name, String address) {
    }

    static CaughtEmail of(MimeMessage message, Instant receivedAt) {
        try {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(decoded(header.getValue()));
            }
            List<Address> to = new ArrayList<>();
            for (jakarta.mail.Address recipient : orEmpty(message.getRecipients(MimeMessage.RecipientType.TO))) {
                to.add(address(recipient));
            }
            jakarta.mail.Address[] from = orEmpty(message.getFrom());
            String messageId = message.getMessageID() == null ? "" : message.getMessageID();
            return new CaughtEmail(id(messageId + "|" + to + "|" + receivedAt.toEpochMilli()), receivedAt,
                    from.length == 0 ? new Address("", "") : address(from[0]), to,
                    message.getSubject() == null ? "" : message.getSubject(), headers,
                    part(message, "text/plain"), part(message, "text/html"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("an email the catcher cannot read", e);
        }
    }

    /** A header as a person reads it: encoded words (RFC 2047) such as a name in UTF-8 decoded, lines unfolded. */
    private static String decoded(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    private static jakarta.mail.Address[] orEmpty(jakarta.mail.Address[] addresses) {
        return addresses == null ? new jakarta.mail.Address[0] : addresses;
    }

    private static Address address(jakarta.mail.Address address) {
        if (address instanceof InternetAddress internet) {
            return new Address(internet.getPersonal() == null ? "" : internet.getPersonal(), internet.getAddress());
        }
        return new Address("", address.toString());
    }

    /** The first part of {@code type}, in a multipart message or as its whole body. */
    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int index = 0; index < multipart.getCount(); index++) {
                BodyPart body = multipart.getBodyPart(index);
                String found = part(body, type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    private static String id(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
