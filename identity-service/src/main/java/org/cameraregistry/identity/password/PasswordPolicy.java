package org.cameraregistry.identity.password;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, after NIST SP 800-63B: at least 12 characters, any characters at all
 * (no rules about digits or symbols), at most 64 (and 72 bytes, all that bcrypt reads), and not
 * common or easily guessed: refused when it is, whole, on zxcvbn's list of the most used passwords,
 * or when zxcvbn's estimate puts it under 10^8 guesses (score below 3), counting the address and
 * the program's own words as known to an attacker; and, last, when it is in a corpus of breached
 * passwords ({@link BreachedPasswords}).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    private static final int MAX_BYTES = 72;
    private static final int MIN_SCORE = 3;
    private static final List<String> PROGRAM_WORDS = List.of(
            "camera", "cameras", "registry", "community", "police", "dallas", "password", "security");

    private final Zxcvbn zxcvbn = new Zxcvbn();
    private final BreachedPasswords breached;

    public PasswordPolicy(BreachedPasswords breached) {
        this.breached = breached;
    }

    /** Refuses {@code password} for the account at {@code email} with the reason, in words, or accepts it. */
    public void check(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new WeakPasswordException("too-short", "A password needs at least " + MIN_LENGTH + " characters;"
                    + " a few unrelated words make a long one that is easy to remember.");
        }
        if (length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new WeakPasswordException("too-long", "A password may have at most " + MAX_LENGTH + " characters.");
        }
        Strength strength = zxcvbn.measure(password, knownWords(email));
        if (isCommon(strength)) {
            throw new WeakPasswordException("common", "This password is one of the most used ones, which attackers"
                    + " try first; choose another.");
        }
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
            throw new WeakPasswordException("guessable", "This password is easy to guess"
                    + (warning == null || warning.isBlank() ? "" : ": " + warning.strip().replaceAll("\\.$", ""))
                    + ". Add another word or two that do not belong together.");
        }
        if (breached.isBreached(password)) {
            throw new WeakPasswordException("breached", "This password has appeared in a data breach, so attackers"
                    + " have it on their lists; choose another.");
        }
    }

    private static boolean isCommon(Strength strength) {
        List<Match> sequence = strength.getSequence();
        return sequence.size() == 1 && sequence.getFirst().pattern == Pattern.Dictionary
                && "passwords".equals(sequence.getFirst().dictionaryName);
    }

    private static List<String> knownWords(String email) {
        List<String> words = new ArrayList<>(PROGRAM_WORDS);
        if (email != null) {
            String lowered = email.toLowerCase(Locale.ROOT);
            words.add(lowered);
            int at = lowered.indexOf('@');
            if (at > 0) {
                words.add(lowered.substring(0, at));
                words.addAll(List.of(lowered.substring(0, at).split("[^a-z0-9]+")));
            }
        }
        return words.stream().filter(word -> !word.isBlank()).toList();
    }
}
