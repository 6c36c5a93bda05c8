package org.cameraregistry.registry.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cameraregistry.events.camera.CameraDetails;
import org.cameraregistry.events.camera.CameraLevel;
import org.junit.jupiter.api.Test;

class CameraTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final UUID OWNER = UUID.randomUUID();
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");
    private static final CameraDetails PORCH = new CameraDetails("Porch", 32.78, -96.8, CameraLevel.LEVEL_1, null, null,
            Set.of(), false, null, false);

    @Test
    void aNewCameraIsAtVersionOneWithAnIdOfItsOwn() {
        Camera camera = Camera.register(OWNER, PORCH, MONDAY);

        assertThat(camera.version()).isEqualTo(1);
        assertThat(camera.registeredAt()).isEqualTo(MONDAY).isEqualTo(camera.updatedAt());
        assertThat(camera.id()).isNotEqualTo(Camera.register(OWNER, PORCH, MONDAY).id());
    }

    @Test
    void aChangeIsTheNextVersionAndKeepsWhenTheCameraWasRegistered() {
        Camera camera = Camera.register(OWNER, PORCH, MONDAY);
        CameraDetails moved = new CameraDetails("Porch", 32.79, -96.8, CameraLevel.LEVEL_2, null, null, Set.of(), false, null, true);

        Camera changed = camera.changeTo(moved, TUESDAY);

        assertThat(changed.id()).isEqualTo(camera.id());
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.details()).isEqualTo(moved);
        assertThat(changed.registeredAt()).isEqualTo(MONDAY);
        assertThat(changed.updatedAt()).isEqualTo(TUESDAY);
    }

    @Test
    void pausingIsTheNextVersionKeepsTheDetailsAndAChangeKeepsItPaused() {
        Camera camera = Camera.register(OWNER, PORCH, MONDAY);

        Camera paused = camera.pausedAs(true, TUESDAY);
        Camera changed = paused.changeTo(PORCH, TUESDAY);

        assertThat(camera.paused()).isFalse();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.version()).isEqualTo(2);
        assertThat(paused.details()).isEqualTo(PORCH);
        assertThat(changed.paused()).isTrue();
        assertThat(changed.pausedAs(false, TUESDAY).paused()).isFalse();
    }
}
