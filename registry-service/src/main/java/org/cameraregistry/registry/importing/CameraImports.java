package org.cameraregistry.registry.importing;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.cameraregistry.registry.camera.CameraService;
import org.cameraregistry.registry.camera.OwnerErasedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Imports an owner's cameras from a CSV file, in the background: the file is read and judged
 * first (a file that cannot be read is refused whole), then each row registers a camera, or changes
 * the one the owner's reference names, as one registration or change through the API would. The
 * report says how far it is, and at the end which rows were not imported and why.
 */
public class CameraImports implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CameraImports.class);
    /** How many rows between two progress reports. */
    private static final int REPORT_EVERY = 50;

    private final CameraService cameras;
    private final ImportReports reports;
    private final CameraRows rows;
    private final ThreadPoolTaskExecutor executor;
    private final Clock clock;

    CameraImports(CameraService cameras, ImportReports reports, Validator validator, ThreadPoolTaskExecutor executor,
            Clock clock) {
        this.cameras = cameras;
        this.reports = reports;
        this.rows = new CameraRows(validator);
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Starts importing the file's cameras for the owner.
     *
     * @throws InvalidImportFileException if the file cannot be read as a camera import file
     * @throws ImportsBusyException       if this instance runs as many imports as it may
     * @throws OwnerErasedException       if the owner's account was erased
     */
    public ImportReport start(UUID ownerId, String csv) {
        List<CameraCsv.Row> lines = CameraCsv.read(csv);
        ImportReport report = ImportReport.started(ownerId, lines.size(), clock.instant());
        reports.create(report);
        try {
            executor.execute(() -> run(report, lines));
        } catch (RejectedExecutionException busy) {
            reports.forget(report.id());
            throw new ImportsBusyException();
        }
        return report;
    }

    /** The owner's import as it stands. */
    public ImportReport find(UUID ownerId, UUID id) {
        return reports.find(id, ownerId).map(report -> report.asOf(clock.instant())).orElseThrow(ImportNotFoundException::new);
    }

    /** Forgets an erased owner's imports. */
    public long forgetOwner(UUID ownerId) {
        return reports.forgetOwner(ownerId);
    }

    private void run(ImportReport report, List<CameraCsv.Row> lines) {
        int registered = 0;
        int changed = 0;
        int unchanged = 0;
        int failed = 0;
        List<ImportReport.RowFault> faults = new ArrayList<>();
        Map<String, Integer> lineOfReference = new HashMap<>();
        try {
            for (int done = 0; done < lines.size(); done++) {
                CameraCsv.Row line = lines.get(done);
                CameraRows.Parsed parsed = rows.parse(line);
                Integer earlier = parsed.reference().isEmpty() ? null : lineOfReference.putIfAbsent(parsed.reference(), line.line());
                if (earlier != null) {
                    faults.add(new ImportReport.RowFault(line.line(), "reference", "is the reference of line " + earlier
                            + " too; each camera needs its own"));
                    failed++;
                } else if (!parsed.faults().isEmpty()) {
                    faults.addAll(parsed.faults());
                    failed++;
                } else {
                    switch (cameras.importCamera(report.ownerId(), parsed.reference(), parsed.request().toDetails(), report.id())) {
                        case REGISTERED -> registered++;
                        case CHANGED -> changed++;
                        case UNCHANGED -> unchanged++;
                    }
                }
                if ((done + 1) % REPORT_EVERY == 0 || done + 1 == lines.size()) {
                    reports.progress(report.id(), new ImportReports.Counts(done + 1, registered, changed, unchanged, failed),
                            faults, now());
                    faults = new ArrayList<>();
                }
            }
            reports.finish(report.id(), ImportReport.State.DONE, now());
            log.info("import {} done: {} rows, {} registered, {} changed, {} unchanged, {} not imported", report.id(),
                    lines.size(), registered, changed, unchanged, failed);
        } catch (OwnerErasedException erased) {
            reports.forgetOwner(report.ownerId());
        } catch (RuntimeException failure) {
            // The database went away for longer than the driver waits, say: the rows done are done, the file may be sent again.
            log.warn("import {} stopped: {}", report.id(), failure.toString());
            reports.finish(report.id(), ImportReport.State.INTERRUPTED, now());
        }
    }

    /** Imports under way stop with the instance; their reports then read interrupted. */
    @Override
    public void close() {
        executor.shutdown();
    }

    private Instant now() {
        return clock.instant();
    }
}
