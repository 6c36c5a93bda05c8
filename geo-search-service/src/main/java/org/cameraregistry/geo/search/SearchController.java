package org.cameraregistry.geo.search;

import jakarta.validation.Valid;
import org.cameraregistry.geo.camera.CameraIndexer;
import org.cameraregistry.geo.index.CameraIndex;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Nearest-camera and radius searches over the in-memory index. */
@RestController
@RequestMapping("/api/search")
class SearchController {

    private final CameraIndex index;
    private final CameraIndexer indexer;

    SearchController(CameraIndex index, CameraIndexer indexer) {
        this.index = index;
        this.indexer = indexer;
    }

    @GetMapping("/nearest")
    SearchResult nearest(@Valid NearestQuery query) {
        requireLoaded();
        return SearchResult.of(index.nearest(query.lat(), query.lon(), query.limitOrDefault()));
    }

    @GetMapping("/within")
    SearchResult within(@Valid WithinQuery query) {
        requireLoaded();
        return SearchResult.of(index.within(query.lat(), query.lon(), query.radiusMeters(), query.limitOrDefault()));
    }

    private void requireLoaded() {
        if (!indexer.isLoaded()) {
            throw new IndexLoadingException();
        }
    }
}
