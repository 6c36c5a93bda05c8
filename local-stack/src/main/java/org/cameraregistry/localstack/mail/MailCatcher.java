package org.cameraregistry.localstack.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Catches every email the platform sends, so that a newcomer can read them: an SMTP server
 * (GreenMail) that takes mail for any address and delivers it nowhere, and a web page and a JSON API
 * over what it caught. The API is the part of Mailpit's that the platform's tests use, so that the
 * same checks read the local stack's mail and docker compose's Mailpit. Mail is kept in memory until
 * the stack stops, and only on the loopback address.
 */
public final class MailCatcher implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final GreenMail smtp;
    private final HttpServer web;
    private final ExecutorService webThreads;

    private MailCatcher(GreenMail smtp, HttpServer web, ExecutorService webThreads) {
        this.smtp = smtp;
        this.web = web;
        this.webThreads = webThreads;
    }

    /** Starts taking mail on {@code smtpPort} and showing it on {@code webPort}. */
    public static MailCatcher start(int smtpPort, int webPort) {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ExecutorService webThreads = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("mail-catcher-web-", 0)
                .daemon().factory());
        try {
            HttpServer web = HttpServer.create(new InetSocketAddress(LOOPBACK, webPort), 0);
            MailCatcher catcher = new MailCatcher(smtp, web, webThreads);
            web.createContext("/", new MailCatcherWeb(catcher));
            web.setExecutor(webThreads);
            web.start();
            return catcher;
        } catch (IOException e) {
            smtp.stop();
            webThreads.shutdownNow();
            throw new UncheckedIOException("The mail catcher's web page cannot listen on port " + webPort, e);
        }
    }

    /** Every email caught so far, the newest first. */
    public List<CaughtEmail> emails() {
        List<StoredMessage> stored = smtp.getManagers().getImapHostManager().getAllMessages();
        return stored.stream()
                .sorted(Comparator.comparing(StoredMessage::getReceivedDate).reversed())
                .map(message -> CaughtEmail.of(message.getMimeMessage(), message.getReceivedDate().toInstant()))
                .toList();
    }

    public Optional<CaughtEmail> email(String id) {
        return emails().stream().filter(email -> email.id().equals(id)).findFirst();
    }

    /** Forgets every email caught. */
    public void deleteAll() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("the caught emails could not be deleted", e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String webUrl() {
        return "http://localhost:" + web.getAddress().getPort();
    }

    @Override
    public void close() {
        web.stop(0);
        webThreads.shutdownNow();
        smtp.stop();
    }
}
