package org.cameraregistry.notification.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for a mail server that answers as real ones do when they are in trouble: each
 * connection gets the next {@link Trouble} of its script, and every one after the script none. What
 * GreenMail cannot do, since it only accepts or refuses connections.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** How the server answers one connection. */
    enum Trouble {
        /** Takes the email. */
        NONE,
        /** {@code 421} at once: the service is not available now. */
        BUSY,
        /** {@code 451} to the recipient: greylisted, try again later. */
        GREYLISTED,
        /** {@code 550} to the recipient: no such mailbox. */
        NO_SUCH_MAILBOX,
        /** {@code 554} after the message: refused for good. */
        MESSAGE_REFUSED,
        /** The connection is reset in the middle of the conversation. */
        RESET
    }

    private final ServerSocket socket;
    private final List<Trouble> script;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    ScriptedSmtpServer(Trouble... script) {
        this.script = List.of(script);
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("scripted-smtp").start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** How many connections were made to it. */
    int connections() {
        return connections.get();
    }

    /** The messages it took, as sent after {@code DATA}. */
    List<String> delivered() {
        return delivered;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                int index = connections.getAndIncrement();
                converse(connection, index < script.size() ? script.get(index) : Trouble.NONE);
            } catch (IOException e) {
                // The client went away, or the server is closing.
            }
        }
    }

    private void converse(Socket connection, Trouble trouble) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = connection.getOutputStream();
        if (trouble == Trouble.BUSY) {
            reply(out, "421 4.3.2 Service not available, closing transmission channel");
            return;
        }
        reply(out, "220 scripted.example ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 scripted.example");
                case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                case "RCPT" -> {
                    switch (trouble) {
                        case GREYLISTED -> reply(out, "451 4.7.1 Greylisted, try again later");
                        case NO_SUCH_MAILBOX -> reply(out, "550 5.1.1 No such mailbox");
                        case RESET -> {
                            connection.setSoLinger(true, 0);
                            return;
                        }
                        default -> reply(out, "250 2.1.5 OK");
                    }
                }
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder message = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        message.append(line).append('\n');
                    }
                    if (trouble == Trouble.MESSAGE_REFUSED) {
                        reply(out, "554 5.7.1 Message refused");
                    } else {
                        delivered.add(message.toString());
                        reply(out, "250 2.0.0 Queued");
                    }
                }
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Command not recognized");
            }
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
