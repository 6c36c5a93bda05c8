package org.cameraregistry.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.bson.Document;
import org.cameraregistry.outbox.Outbox;
import org.cameraregistry.outbox.PendingEvent;
import org.cameraregistry.testkit.AllAtOnce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account store's conditional writes under concurrent writers, on the wire server and on a real
 * MongoDB where Docker runs one: each write is conditional on the version read, and the unique
 * address index holds one account per address.
 */
abstract class AccountStoreContract {

    private AccountStore store;
    private MongoCollection<Document> accounts;

    protected abstract MongoDatabase freshDatabase();

    @BeforeEach
    void prepare() {
        MongoDatabase database = freshDatabase();
        store = new AccountStore(database);
        store.ensureIndexes();
        accounts = database.getCollection("accounts");
    }

    @Test
    void eightWritersMovingOneAccountAtOnceFromTheSameReadLeaveOneMoveAndOneEvent() {
        Account account = opened("one@example.org");
        Account asked = requested(account, "new@example.org");

        List<AccountStore.EmailChange> outcomes = AllAtOnce.call(8, () -> store.changeEmail(asked, "new@example.org", event(asked)));

        assertThat(outcomes).containsOnlyOnce(AccountStore.EmailChange.CHANGED)
                .filteredOn(outcome -> outcome != AccountStore.EmailChange.CHANGED)
                .containsOnly(AccountStore.EmailChange.CHANGED_MEANWHILE);
        assertThat(store.findById(account.id()).orElseThrow().email()).isEqualTo("new@example.org");
        assertThat(outboxOf(account.id())).as("the request's event and one move's").hasSize(2);
    }

    @Test
    void eightAccountsMovingToOneAddressAtOnceLeaveItWithOneAccount() {
        List<Account> asked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            asked.add(requested(opened("mover-" + i + "@example.org"), "wanted@example.org"));
        }
        List<Callable<AccountStore.EmailChange>> moves = asked.stream()
                .map(account -> (Callable<AccountStore.EmailChange>) () -> store.changeEmail(account, "wanted@example.org", event(account)))
                .toList();

        List<AccountStore.EmailChange> outcomes = AllAtOnce.call(moves);

        assertThat(outcomes).containsOnlyOnce(AccountStore.EmailChange.CHANGED)
                .filteredOn(outcome -> outcome != AccountStore.EmailChange.CHANGED)
                .containsOnly(AccountStore.EmailChange.ADDRESS_TAKEN);
        assertThat(accounts.countDocuments(Filters.eq("email", "wanted@example.org"))).isEqualTo(1);
    }

    @Test
    void eightRequestsFromTheSameReadRecordOne() {
        Account account = opened("asker@example.org");

        List<Boolean> recorded = AllAtOnce.call(8, () -> store.requestEmailChange(account,
                "elsewhere-" + UUID.randomUUID() + "@example.org", UUID.randomUUID().toString(), event(account)));

        assertThat(recorded).containsOnlyOnce(true);
        assertThat(outboxOf(account.id())).hasSize(1);
    }

    @Test
    void anErasureRacingAMoveFromTheSameReadLeavesOneOfThem() {
        for (int round = 0; round < 5; round++) {
            Account asked = requested(opened("racer-" + round + "@example.org"), "raced-" + round + "@example.org");
            String target = "raced-" + round + "@example.org";

            List<Object> outcomes = AllAtOnce.call(List.<Callable<Object>>of(
                    () -> store.erase(asked, event(asked)),
                    () -> store.changeEmail(asked, target, event(asked))));

            boolean erased = (Boolean) outcomes.get(0);
            boolean moved = outcomes.get(1) == AccountStore.EmailChange.CHANGED;
            assertThat(erased ^ moved).as("exactly one of erasure and move in round " + round).isTrue();
            assertThat(store.findById(asked.id()).map(Account::email)).isEqualTo(moved ? Optional.of(target) : Optional.empty());
        }
    }

    private Account opened(String email) {
        Account account = new Account(UUID.randomUUID(), email, true, "{noop}x", Set.of(Role.OWNER), Optional.empty(), false,
                "Test", Locale.ENGLISH, Instant.now(), 1);
        assertThat(store.create(account)).isTrue();
        return account;
    }

    /** The account as read after it asked to move to {@code email}. */
    private Account requested(Account account, String email) {
        assertThat(store.requestEmailChange(account, email, UUID.randomUUID().toString(), event(account))).isTrue();
        return store.findById(account.id()).orElseThrow();
    }

    private List<?> outboxOf(UUID accountId) {
        Document document = accounts.find(Filters.eq("_id", accountId)).first();
        return document == null ? List.of() : document.getList(Outbox.EVENTS, Object.class, List.of());
    }

    private static PendingEvent event(Account account) {
        return new PendingEvent(UUID.randomUUID().toString(), "account-email-changed", account.id().toString(), "{}", Instant.now());
    }
}
