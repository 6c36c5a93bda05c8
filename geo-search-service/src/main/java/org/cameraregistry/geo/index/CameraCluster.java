package org.cameraregistry.geo.index;

import java.util.List;

/**
 * The cameras of one H3 cell: how many, where their centroid is, and the cameras themselves when
 * they are few (empty otherwise).
 *
 * @param cell      the cell's H3 address, such as {@code 8326c8fffffffff}
 * @param count     how many cameras the cell holds in the search's area
 * @param latitude  their centroid's latitude, in degrees: where a map puts the cell's marker
 * @param longitude their centroid's longitude
 * @param cameras   the cameras when there are few enough to list, otherwise none
 */
public record CameraCluster(String cell, int count, double latitude, double longitude, List<FoundCamera> cameras) {

    public CameraCluster {
        cameras = List.copyOf(cameras);
    }
}
