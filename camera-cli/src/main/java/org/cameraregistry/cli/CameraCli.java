package org.cameraregistry.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar camera-cli-exec.jar token EMAIL [--issuer URL] [--password-stdin]}: signs the
 * account in as the public client {@code camera-cli} and prints its access token, for
 * {@code curl -H "Authorization: Bearer $TOKEN"}. The password is asked for, or read from standard
 * input, never taken from the command line, where other users of the machine could see it.
 */
public final class CameraCli {

    static final String DEFAULT_ISSUER = "http://localhost:8086";
    static final String CLIENT_ID = "camera-cli";
    /** Any port works on the loopback address (RFC 8252); the code is read from the redirect itself. */
    static final URI REDIRECT_URI = URI.create("http://127.0.0.1:53682/callback");

    private CameraCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        String issuer = DEFAULT_ISSUER;
        boolean passwordFromStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--issuer" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--issuer needs a URL");
                    }
                    issuer = args[++i];
                }
                case "--password-stdin" -> passwordFromStdin = true;
                case "-h", "--help" -> {
                    usage(out, null);
                    return 0;
                }
                default -> positional.add(args[i]);
            }
        }
        if (positional.size() != 2 || !positional.getFirst().equals("token")) {
            return usage(err, "expected: token EMAIL");
        }
        String email = positional.get(1);
        String password;
        try {
            password = passwordFromStdin ? readLine() : ask(email, err);
        } catch (IOException e) {
            err.println("camera-cli: could not read the password: " + e.getMessage());
            return 2;
        }
        if (password == null || password.isEmpty()) {
            return usage(err, "no password given");
        }
        try {
            SignIn.Tokens tokens = SignIn.asCameraCli(URI.create(issuer)).withPassword(email, password);
            out.println(tokens.accessToken());
            return 0;
        } catch (SignIn.SignInRefusedException e) {
            err.println("camera-cli: " + e.getMessage());
            return 1;
        }
    }

    private static String ask(String email, PrintStream err) throws IOException {
        Console console = System.console();
        if (console == null) {
            // No console when the token is captured, as in TOKEN=$(...): the prompt goes to stderr, the
            // terminal, and the typing is not hidden (--password-stdin with `read -s` hides it).
            err.print("Password for " + email + " (shown as typed; --password-stdin reads it hidden): ");
            err.flush();
            return readLine();
        }
        char[] typed = console.readPassword("Password for %s: ", email);
        return typed == null ? null : new String(typed);
    }

    private static String readLine() throws IOException {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    private static int usage(PrintStream stream, String problem) {
        if (problem != null) {
            stream.println("camera-cli: " + problem);
        }
        stream.println("usage: java -jar camera-cli-exec.jar token EMAIL [--issuer URL] [--password-stdin]");
        stream.println("  prints an access token of the account, signed in by " + DEFAULT_ISSUER + " unless --issuer says otherwise");
        return problem == null ? 0 : 2;
    }
}
