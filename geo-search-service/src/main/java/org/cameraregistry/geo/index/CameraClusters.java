package org.cameraregistry.geo.index;

import java.util.List;

/**
 * A clusters search's answer: the cameras in its area counted per H3 cell of {@code resolution},
 * the cells in the order of their addresses, and how many cameras there are in all.
 */
public record CameraClusters(int resolution, int total, List<CameraCluster> clusters) {

    public CameraClusters {
        clusters = List.copyOf(clusters);
    }
}
