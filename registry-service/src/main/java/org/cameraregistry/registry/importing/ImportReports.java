package org.cameraregistry.registry.importing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The imports' reports in the registry's {@code camera_imports} collection: an owner reads how
 * theirs goes from any instance. A report is forgotten a week after its last progress, and at once
 * with its owner's account.
 */
class ImportReports {

    private static final Duration KEPT_FOR = Duration.ofDays(7);

    private final MongoCollection<Document> reports;

    ImportReports(MongoDatabase database) {
        this.reports = database.getCollection("camera_imports");
    }

    void ensureIndexes() {
        reports.createIndex(Indexes.ascending("updatedAt"),
                new IndexOptions().expireAfter(KEPT_FOR.toSeconds(), TimeUnit.SECONDS).name("forget_old_imports"));
        reports.createIndex(Indexes.ascending("ownerId"));
    }

    void create(ImportReport report) {
        reports.insertOne(new Document("_id", report.id())
                .append("ownerId", report.ownerId())
                .append("state", report.state().name())
                .append("total", report.total())
                .append("processed", 0).append("registered", 0).append("changed", 0).append("unchanged", 0)
                .append("failed", 0)
                .append("faults", List.of())
                .append("startedAt", Date.from(report.startedAt()))
                .append("updatedAt", Date.from(report.updatedAt())));
    }

    /** Records the counts so far and the faults found since the last progress. */
    void progress(UUID id, Counts counts, List<ImportReport.RowFault> newFaults, Instant now) {
        List<Document> faults = newFaults.stream().map(fault -> new Document("row", fault.row())
                .append("column", fault.column()).append("reason", fault.reason())).toList();
        reports.updateOne(eq("_id", id), Updates.combine(
                Updates.set("processed", counts.processed()),
                Updates.set("registered", counts.registered()),
                Updates.set("changed", counts.changed()),
                Updates.set("unchanged", counts.unchanged()),
                Updates.set("failed", counts.failed()),
                Updates.pushEach("faults", faults),
                Updates.set("updatedAt", Date.from(now))));
    }

    void finish(UUID id, ImportReport.State state, Instant now) {
        reports.updateOne(eq("_id", id), Updates.combine(Updates.set("state", state.name()), Updates.set("updatedAt", Date.from(now))));
    }

    void forget(UUID id) {
        reports.deleteOne(eq("_id", id));
    }

    /** The owner's import; another owner's is not found. */
    Optional<ImportReport> find(UUID id, UUID ownerId) {
        return Optional.ofNullable(reports.find(and(eq("_id", id), eq("ownerId", ownerId))).first()).map(ImportReports::toReport);
    }

    /** Forgets every import of an erased owner; how many there were. */
    long forgetOwner(UUID ownerId) {
        return reports.deleteMany(eq("ownerId", ownerId)).getDeletedCount();
    }

    private static ImportReport toReport(Document document) {
        List<ImportReport.RowFault> faults = document.getList("faults", Document.class, List.of()).stream()
                .map(fault -> new ImportReport.RowFault(fault.getInteger("row"), fault.getString("column"), fault.getString("reason")))
                .toList();
        return new ImportReport(document.get("_id", UUID.class), document.get("ownerId", UUID.class),
                ImportReport.State.valueOf(document.getString("state")), document.getInteger("total"),
                document.getInteger("processed"), document.getInteger("registered"), document.getInteger("changed"),
                document.getInteger("unchanged"), document.getInteger("failed"), faults,
                document.getDate("startedAt").toInstant(), document.getDate("updatedAt").toInstant());
    }

    /** The counts of an import so far. */
    record Counts(int processed, int registered, int changed, int unchanged, int failed) {
    }
}
