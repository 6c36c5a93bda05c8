package org.cameraregistry.registry.camera;

import java.util.List;

/**
 * One page of an owner's cameras.
 *
 * @param cameras      the cameras on this page, oldest registration first
 * @param page         which page, from 0
 * @param size         how many cameras a page holds
 * @param totalCameras how many cameras the owner has, on every page
 */
public record CameraPage(List<CameraResponse> cameras, int page, int size, long totalCameras) {

    static CameraPage of(CameraRepository.OwnedCameras owned, int page, int size) {
        return new CameraPage(owned.cameras().stream().map(CameraResponse::of).toList(), page, size, owned.total());
    }
}
