package org.cameraregistry.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.ArrayList;
import java.util.List;
import org.cameraregistry.events.Topics;
import org.cameraregistry.testkit.EmbeddedInfrastructure;

/**
 * The broker, the MongoDB wire server and the SMTP server (GreenMail) every notification-service
 * integration test of the JVM shares. The mail server can be stopped and started again on its port,
 * as a mail server that refuses connections for a while.
 */
public final class TestInfrastructure {

    public static final String GROUP = "notification";
    public static final List<String> CONSUMED = List.of(Topics.ACCOUNT_REGISTERED, Topics.ACCOUNT_EMAIL_CHANGED,
            Topics.ACCOUNT_VERIFICATION_REQUESTED, Topics.PASSWORD_RESET_REQUESTED, Topics.STAFF_INVITED,
            Topics.ACCOUNT_EMAIL_CHANGE_REQUESTED, Topics.ACCOUNT_ERASED,
            Topics.LIVE_ACCESS_OPENED, Topics.CAMERA_REGISTERED, Topics.CAMERA_DEREGISTERED);
    public static final EmbeddedInfrastructure INFRASTRUCTURE = EmbeddedInfrastructure.withTopics(topics());
    public static final int SMTP_PORT = EmbeddedInfrastructure.freePort();

    private static GreenMail mailServer = startMailServer();

    private TestInfrastructure() {
    }

    public static synchronized GreenMail mailServer() {
        return mailServer;
    }

    public static synchronized void stopMailServer() {
        mailServer.stop();
    }

    public static synchronized void startMailServer(boolean clear) {
        if (!mailServer.isRunning()) {
            mailServer = startMailServer();
        } else if (clear) {
            mailServer.reset();
        }
    }

    private static GreenMail startMailServer() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static List<String> topics() {
        List<String> topics = new ArrayList<>(Topics.all());
        CONSUMED.forEach(topic -> topics.add(Topics.deadLetter(topic, GROUP)));
        return topics;
    }
}
