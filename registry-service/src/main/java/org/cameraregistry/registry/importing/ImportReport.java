package org.cameraregistry.registry.importing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where an import of cameras stands, and at the end what it did: how many rows registered a camera,
 * changed one, or found it as the file says already, and each row at fault with its column and why.
 *
 * @param id         the import's id
 * @param ownerId    whose cameras it imports; never shown
 * @param state      running, done, or stopped before the end
 * @param total      how many cameras the file has
 * @param processed  how many rows are done
 * @param registered how many rows registered a new camera
 * @param changed    how many rows changed a camera imported before under the same reference
 * @param unchanged  how many rows named a camera already as the file says
 * @param failed     how many rows were not imported, for the faults listed
 * @param faults     each fault of each row not imported, by line
 * @param startedAt  when it started
 * @param updatedAt  when it last made progress
 */
public record ImportReport(
        UUID id,
        @JsonIgnore UUID ownerId,
        State state,
        int total,
        int processed,
        int registered,
        int changed,
        int unchanged,
        int failed,
        List<RowFault> faults,
        Instant startedAt,
        Instant updatedAt) {

    /** An import that made no progress for this long was stopped with its instance: import the file again. */
    static final Duration SILENT_FOR = Duration.ofMinutes(2);

    public ImportReport {
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    static ImportReport started(UUID ownerId, int total, Instant now) {
        return new ImportReport(UUID.randomUUID(), ownerId, State.RUNNING, total, 0, 0, 0, 0, 0, List.of(), now, now);
    }

    /** As it reads at {@code now}: a running import silent for too long is reported interrupted. */
    ImportReport asOf(Instant now) {
        if (state == State.RUNNING && updatedAt.plus(SILENT_FOR).isBefore(now)) {
            return new ImportReport(id, ownerId, State.INTERRUPTED, total, processed, registered, changed, unchanged, failed,
                    faults, startedAt, updatedAt);
        }
        return this;
    }

    public enum State {
        /** Rows are being imported. */
        RUNNING,
        /** Every row was read: imported, or listed with its faults. */
        DONE,
        /** Stopped before the end (the account was erased, or the registry stopped): import the file again. */
        INTERRUPTED
    }

    /**
     * @param row    the row's line in the file, the header being line 1
     * @param column the column at fault
     * @param reason what is wrong, in words
     */
    public record RowFault(int row, String column, String reason) {
    }
}
