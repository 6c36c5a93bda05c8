package org.cameraregistry.notification.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.cameraregistry.testkit.AllAtOnce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the contact store needs of MongoDB, on every server it may meet. An account's details arrive
 * on two topics (registered, email changed), consumed by two listener threads, and its erasure on a
 * third, so they may be written concurrently and in any order.
 */
abstract class ContactStoreContract {

    private static final int WRITERS = 8;

    private ContactStore store;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        store = new ContactStore(freshDatabase());
    }

    @Test
    void savedDetailsReadBackAndOlderOnesAreNotKept() {
        UUID account = UUID.randomUUID();

        assertThat(store.save(contact(account, 2))).isTrue();
        assertThat(store.save(contact(account, 1))).isFalse();
        assertThat(store.save(contact(account, 2))).isFalse();

        assertThat(store.find(account).contact()).contains(contact(account, 2));
        assertThat(store.find(UUID.randomUUID())).isEqualTo(ContactStore.Known.UNKNOWN);
    }

    @Test
    void anErasedAccountKeepsOnlyItsMarkerAndNoLaterDetailsBringTheAddressBack() {
        UUID account = UUID.randomUUID();
        store.save(contact(account, 1));

        store.erase(account, Instant.now());

        assertThat(store.save(contact(account, 5))).isFalse();
        assertThat(store.find(account)).isEqualTo(ContactStore.Known.ERASED);
    }

    @Test
    void theNewestOfManyConcurrentVersionsWins() {
        for (int round = 0; round < 20; round++) {
            UUID account = UUID.randomUUID();
            List<Integer> versions = new ArrayList<>();
            for (int version = 1; version <= WRITERS; version++) {
                versions.add(version);
            }
            Collections.shuffle(versions);
            List<Callable<Boolean>> work = new ArrayList<>();
            versions.forEach(version -> work.add(() -> store.save(contact(account, version))));

            AllAtOnce.call(work);

            assertThat(store.find(account).contact()).as("round %d", round).contains(contact(account, WRITERS));
        }
    }

    @Test
    void anErasureRacingNewDetailsLeavesTheAccountErased() {
        for (int round = 0; round < 20; round++) {
            UUID account = UUID.randomUUID();
            List<Callable<Boolean>> work = new ArrayList<>();
            for (int version = 1; version < WRITERS; version++) {
                int each = version;
                work.add(() -> store.save(contact(account, each)));
            }
            work.add(WRITERS / 2, () -> {
                store.erase(account, Instant.now());
                return true;
            });

            AllAtOnce.call(work);

            // Whatever came first, a save either happened before the erasure or never counts.
            assertThat(store.find(account)).as("round %d", round).isEqualTo(ContactStore.Known.ERASED);
            assertThat(store.save(contact(account, WRITERS + 1))).isFalse();
        }
    }

    /** Details whose address tells their version apart, so that a read shows which version won. */
    private static Contact contact(UUID account, long version) {
        return new Contact(account, version, "v" + version + "-" + account + "@example.org", "Owner " + version,
                Locale.ENGLISH);
    }
}
