package org.cameraregistry.geo.search;

import java.util.List;
import org.cameraregistry.geo.index.CameraCluster;
import org.cameraregistry.geo.index.CameraClusters;

/**
 * A map's markers: per H3 cell of {@code resolution}, how many cameras it holds in the box, their
 * centroid, and the cameras themselves where they are few; {@code total} is every camera in the box.
 */
record ClusterResult(int resolution, int total, List<Cluster> clusters) {

    static ClusterResult of(CameraClusters found) {
        return new ClusterResult(found.resolution(), found.total(), found.clusters().stream().map(Cluster::of).toList());
    }

    /**
     * @param cell      the H3 cell's address
     * @param count     how many cameras of the box it holds
     * @param latitude  their centroid
     * @param longitude their centroid
     * @param cameras   the cameras, when they are few enough to list; otherwise empty
     */
    record Cluster(String cell, int count, double latitude, double longitude, List<AreaResult.Hit> cameras) {

        static Cluster of(CameraCluster cluster) {
            return new Cluster(cluster.cell(), cluster.count(), cluster.latitude(), cluster.longitude(),
                    cluster.cameras().stream().map(AreaResult.Hit::of).toList());
        }
    }
}
