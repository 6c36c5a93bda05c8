package org.cameraregistry.identity.signin;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.cameraregistry.identity.IdentityProperties;
import org.cameraregistry.identity.account.Account;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted per address signed in to and per client address (collection
 * {@code sign_in_failures}, shared by every instance), so that guessing passwords is slow whether
 * one account is tried from many places or many accounts from one. Past the allowance, each further
 * failure blocks that key for twice as long as the last, up to a ceiling; a success clears the
 * account's count. Counts are forgotten once quiet for the window. Whether an account exists plays
 * no part: an unknown address is throttled like a known one.
 */
@Component
public class SignInThrottle {

    private final MongoCollection<Document> failures;
    private final IdentityProperties.Throttling settings;
    private final Clock clock;

    public SignInThrottle(MongoDatabase database, IdentityProperties properties, Clock clock) {
        this.failures = database.getCollection("sign_in_failures");
        this.settings = properties.throttling();
        this.clock = clock;
    }

    public void ensureIndexes() {
        failures.createIndex(Indexes.ascending("lastFailureAt"), new IndexOptions()
                .expireAfter(settings.window().toSeconds(), TimeUnit.SECONDS).name("forget_quiet_failures"));
    }

    /** How long to wait before signing in to {@code email} from {@code clientAddress} may be tried, if at all. */
    public Optional<Duration> blocked(String email, String clientAddress) {
        Instant now = clock.instant();
        return longest(blockedFor(accountKey(email), now), blockedFor(addressKey(clientAddress), now));
    }

    /** Counts a failure on both keys; how long they are blocked now, if at all. */
    public Optional<Duration> failed(String email, String clientAddress) {
        Instant now = clock.instant();
        return longest(count(accountKey(email), settings.failuresPerAccount(), now),
                count(addressKey(clientAddress), settings.failuresPerClientAddress(), now));
    }

    /** A success: the account's count starts again (the client address's does not). */
    public void succeeded(String email) {
        forget(email);
    }

    /** Forgets the failures counted against an address: for a success, and when its account is erased. */
    public void forget(String email) {
        failures.deleteOne(eq("_id", accountKey(email)));
    }

    private Optional<Duration> count(String key, int allowance, Instant now) {
        Document counted = failures.findOneAndUpdate(eq("_id", key),
                Updates.combine(Updates.inc("failures", 1), Updates.set("lastFailureAt", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        int over = counted.getInteger("failures") - allowance;
        if (over <= 0) {
            return Optional.empty();
        }
        Duration block = settings.firstBlock().multipliedBy(1L << Math.min(over - 1, 20));
        if (block.compareTo(settings.longestBlock()) > 0) {
            block = settings.longestBlock();
        }
        failures.updateOne(eq("_id", key), Updates.max("blockedUntil", Date.from(now.plus(block))));
        return Optional.of(block);
    }

    private Optional<Duration> blockedFor(String key, Instant now) {
        Document document = failures.find(eq("_id", key)).first();
        if (document == null || document.getDate("blockedUntil") == null) {
            return Optional.empty();
        }
        Instant until = document.getDate("blockedUntil").toInstant();
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private static Optional<Duration> longest(Optional<Duration> first, Optional<Duration> second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.filter(other -> other.compareTo(first.get()) > 0).or(() -> first);
    }

    private static String accountKey(String email) {
        return "account:" + Account.normalized(email == null ? "" : email);
    }

    private static String addressKey(String clientAddress) {
        return "address:" + clientAddress;
    }
}
