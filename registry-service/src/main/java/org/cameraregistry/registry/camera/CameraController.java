package org.cameraregistry.registry.camera;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.cameraregistry.registry.idempotency.IdempotencyKey;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owners' cameras over HTTP. Each response carries the camera's version as its ETag; a change sent
 * with If-Match applies only to that version, so two editors cannot silently overwrite each other.
 */
@RestController
@RequestMapping("/api/cameras")
class CameraController {

    /** Marks an answer repeated for an Idempotency-Key, as payment APIs do. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final CameraService cameras;

    CameraController(CameraService cameras) {
        this.cameras = cameras;
    }

    /**
     * Registers a camera. With an {@code Idempotency-Key}, a repeat of the request within its
     * lifetime (24 h) answers what the first one did, marked {@code Idempotent-Replayed: true}, and
     * never registers a second camera: a client that lost the answer may simply send it again.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CameraResponse> register(@Valid @RequestBody CameraRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        String key = IdempotencyKey.read(idempotencyKey);
        CameraService.Registration registration = key == null
                ? new CameraService.Registration(cameras.register(request.toDetails()), false)
                : cameras.register(request.toDetails(), key);
        Camera camera = registration.camera();
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/cameras/" + camera.id()))
                .eTag(etag(camera));
        if (registration.replayed()) {
            created.header(REPLAYED, "true");
        }
        return created.body(CameraResponse.of(camera));
    }

    @GetMapping("/{id}")
    ResponseEntity<CameraResponse> get(@PathVariable UUID id) {
        Camera camera = cameras.find(id);
        return ResponseEntity.ok().eTag(etag(camera)).body(CameraResponse.of(camera));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CameraResponse> update(@PathVariable UUID id, @Valid @RequestBody CameraRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Camera camera = cameras.update(id, request.toDetails(), expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(etag(camera)).body(CameraResponse.of(camera));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        cameras.delete(id, expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static String etag(Camera camera) {
        return IfMatch.etag(camera.version());
    }

    private static Long expectedVersion(String ifMatch) {
        return IfMatch.version(ifMatch);
    }
}
