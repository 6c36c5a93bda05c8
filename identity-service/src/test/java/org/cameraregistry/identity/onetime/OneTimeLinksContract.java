package org.cameraregistry.identity.onetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cameraregistry.testkit.AllAtOnce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one-time links need of MongoDB, on the wire server and on a real MongoDB where Docker runs one. */
abstract class OneTimeLinksContract {

    private OneTimeLinks links;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        links = new OneTimeLinks(freshDatabase(), URI.create("https://identity.example"), Clock.systemUTC());
        links.ensureIndexes();
    }

    @Test
    void aLinkWorksOnceForItsAccountAndPurpose() {
        UUID account = UUID.randomUUID();
        String token = links.issue(account, LinkPurpose.VERIFY_ADDRESS, Duration.ofHours(24)).token();

        assertThatThrownBy(() -> links.redeem(token, LinkPurpose.RESET_PASSWORD)).isInstanceOf(RefusedLinkException.class);
        assertThat(links.redeem(token, LinkPurpose.VERIFY_ADDRESS)).isEqualTo(account);
        assertThatThrownBy(() -> links.redeem(token, LinkPurpose.VERIFY_ADDRESS))
                .isInstanceOfSatisfying(RefusedLinkException.class, refused -> assertThat(refused.why()).isEqualTo(RefusedLinkException.Why.UNKNOWN));
    }

    @Test
    void anExpiredLinkSaysSo() {
        String token = links.issue(UUID.randomUUID(), LinkPurpose.VERIFY_ADDRESS, Duration.ofSeconds(-1)).token();

        assertThatThrownBy(() -> links.redeem(token, LinkPurpose.VERIFY_ADDRESS))
                .isInstanceOfSatisfying(RefusedLinkException.class, refused -> assertThat(refused.why()).isEqualTo(RefusedLinkException.Why.EXPIRED));
    }

    @Test
    void aTokenThatWasNeverIssuedIsUnknown() {
        links.issue(UUID.randomUUID(), LinkPurpose.VERIFY_ADDRESS, Duration.ofHours(1));

        assertThatThrownBy(() -> links.redeem("not-a-token-we-sent", LinkPurpose.VERIFY_ADDRESS))
                .isInstanceOf(RefusedLinkException.class);
    }

    @Test
    void aLinkOpenedEightTimesAtOnceWorksOnce() {
        UUID account = UUID.randomUUID();
        String token = links.issue(account, LinkPurpose.VERIFY_ADDRESS, Duration.ofHours(24)).token();

        List<Optional<UUID>> redeemed = AllAtOnce.call(8, () -> {
            try {
                return Optional.of(links.redeem(token, LinkPurpose.VERIFY_ADDRESS));
            } catch (RefusedLinkException refused) {
                return Optional.<UUID>empty();
            }
        });

        assertThat(redeemed.stream().filter(Optional::isPresent).toList()).containsExactly(Optional.of(account));
    }

    @Test
    void anAccountsLinksAreForgottenWithIt() {
        UUID account = UUID.randomUUID();
        String token = links.issue(account, LinkPurpose.RESET_PASSWORD, Duration.ofHours(1)).token();

        links.forget(account);

        assertThatThrownBy(() -> links.redeem(token, LinkPurpose.RESET_PASSWORD)).isInstanceOf(RefusedLinkException.class);
    }
}
