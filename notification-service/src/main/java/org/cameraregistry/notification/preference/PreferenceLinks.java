package org.cameraregistry.notification.preference;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.notification.account.ContactStore;
import org.cameraregistry.notification.delivery.NotificationKind;
import org.springframework.stereotype.Component;

/**
 * What the signed links in emails may do without a sign-in: a one-kind token turns that kind off, an
 * every-kind token ({@code *}) reads and changes every optional kind. A link of an erased account
 * changes nothing, since nothing is sent to it any more and nothing that names it may be stored again.
 */
@Component
public class PreferenceLinks {

    private final UnsubscribeTokens tokens;
    private final Preferences preferences;
    private final ContactStore contacts;

    PreferenceLinks(UnsubscribeTokens tokens, Preferences preferences, ContactStore contacts) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.contacts = contacts;
    }

    /** The kinds a link would turn off, the optional ones all for an every-kind link. */
    public Set<NotificationKind> kindsOf(String token) {
        return kindsOf(grant(token));
    }

    /**
     * Turns off what the link names; a second time changes nothing.
     *
     * @return the kinds it names
     */
    public Set<NotificationKind> unsubscribe(String token) {
        UnsubscribeTokens.Grant grant = grant(token);
        Set<NotificationKind> kinds = kindsOf(grant);
        if (isKnown(grant.accountId())) {
            preferences.turnOff(grant.accountId(), kinds);
            forgetIfErasedMeanwhile(grant.accountId());
        }
        return kinds;
    }

    /** The optional kinds the account receives, or empty if the account is erased. */
    public Optional<Set<NotificationKind>> receiving(String token) {
        UUID accountId = everyKindGrant(token).accountId();
        if (!isKnown(accountId)) {
            return Optional.empty();
        }
        Set<NotificationKind> receiving = optionalKinds();
        receiving.removeAll(preferences.turnedOff(accountId));
        return Optional.of(receiving);
    }

    /**
     * Makes the account receive exactly the optional kinds in {@code receiving}.
     *
     * @return false if the account is erased, and nothing was stored
     */
    public boolean choose(String token, Set<NotificationKind> receiving) {
        UUID accountId = everyKindGrant(token).accountId();
        if (!isKnown(accountId)) {
            return false;
        }
        Set<NotificationKind> off = optionalKinds();
        off.removeAll(receiving);
        preferences.turnOffExactly(accountId, off);
        forgetIfErasedMeanwhile(accountId);
        return true;
    }

    /** Every kind its recipient may turn off. */
    public static Set<NotificationKind> optionalKinds() {
        Set<NotificationKind> optional = EnumSet.noneOf(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.optional()) {
                optional.add(kind);
            }
        }
        return optional;
    }

    private static Set<NotificationKind> kindsOf(UnsubscribeTokens.Grant grant) {
        if (UnsubscribeTokens.EVERY_KIND.equals(grant.scope())) {
            return optionalKinds();
        }
        return NotificationKind.byKey(grant.scope()).filter(NotificationKind::optional).map(EnumSet::of)
                .orElseThrow(() -> new RefusedLinkException(RefusedLinkException.Reason.FORGED));
    }

    private UnsubscribeTokens.Grant everyKindGrant(String token) {
        UnsubscribeTokens.Grant grant = grant(token);
        if (!UnsubscribeTokens.EVERY_KIND.equals(grant.scope())) {
            throw new RefusedLinkException(RefusedLinkException.Reason.WRONG_PAGE);
        }
        return grant;
    }

    private UnsubscribeTokens.Grant grant(String token) {
        UnsubscribeTokens.Grant grant = tokens.verify(token)
                .orElseThrow(() -> new RefusedLinkException(RefusedLinkException.Reason.FORGED));
        if (grant.expired()) {
            throw new RefusedLinkException(RefusedLinkException.Reason.EXPIRED);
        }
        return grant;
    }

    /** Links are sent only to known accounts, so an unknown one is an erased one whose marker is gone. */
    private boolean isKnown(UUID accountId) {
        return contacts.find(accountId).contact().isPresent();
    }

    /** An erasure that ran between the check and the write must not leave preferences behind. */
    private void forgetIfErasedMeanwhile(UUID accountId) {
        if (!isKnown(accountId)) {
            preferences.forget(accountId);
        }
    }
}
