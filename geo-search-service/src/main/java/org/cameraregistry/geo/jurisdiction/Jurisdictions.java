package org.cameraregistry.geo.jurisdiction;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The jurisdictions searches are clipped to, read from the store and kept in memory. An instance
 * sees a jurisdiction it sets at once, and one set through another instance within
 * {@code refresh}: after that, the next search reloads it in the background while the one in
 * memory still answers, and keeps it if the store cannot be read.
 */
public class Jurisdictions {

    private final JurisdictionStore store;
    private final Clock clock;
    private final LoadingCache<String, Optional<Jurisdiction>> byDepartment;

    public Jurisdictions(JurisdictionStore store, Duration refresh, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.byDepartment = Caffeine.newBuilder().refreshAfterWrite(refresh).build(store::find);
    }

    /** The department's jurisdiction, or none if its DEPT_ADMIN has not set one. */
    public Optional<Jurisdiction> of(String departmentId) {
        return byDepartment.get(departmentId);
    }

    /** Stores a department's new jurisdiction, which this instance's searches use from now on. */
    public Jurisdiction set(String departmentId, JurisdictionShape shape, String setBy) {
        Jurisdiction jurisdiction = new Jurisdiction(departmentId, shape, clock.instant());
        store.save(jurisdiction, setBy);
        byDepartment.put(departmentId, Optional.of(jurisdiction));
        return jurisdiction;
    }
}
