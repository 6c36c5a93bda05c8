package org.cameraregistry.events;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.cameraregistry.events.account.AccountErased;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final UUID account = UUID.randomUUID();

    @Test
    void anEventWhoseKeySubjectAndIdAgreeIsAboutThatAggregate() {
        EventEnvelope<AccountErased> event = erasure(account.toString());

        assertThatCode(() -> event.requireAbout(account.toString(), account, "accountId")).doesNotThrowAnyException();
    }

    @Test
    void anotherKeyOrSubjectMakesTheEventUntrustworthy() {
        String other = UUID.randomUUID().toString();

        assertThatThrownBy(() -> erasure(account.toString()).requireAbout(other, account, "accountId"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("key '" + other + "', subject '" + account + "' and accountId '" + account
                        + "' must name the same account");
        assertThatThrownBy(() -> erasure(other).requireAbout(account.toString(), account, "accountId"))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> erasure(null).requireAbout(account.toString(), account, "accountId"))
                .isInstanceOf(InvalidEventException.class);
    }

    private EventEnvelope<AccountErased> erasure(String subject) {
        return EventEnvelope.create(AccountErased.TYPE, "/identity-service", subject, Instant.now(),
                new AccountErased(account, Instant.now()));
    }
}
