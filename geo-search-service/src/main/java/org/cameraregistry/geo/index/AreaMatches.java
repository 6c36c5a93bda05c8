package org.cameraregistry.geo.index;

import java.util.List;

/**
 * What an area search found: the cameras it answers (at most its limit, from the south-west) and
 * how many there are in all, so that a map showing fewer than all of them can say so.
 */
public record AreaMatches(List<FoundCamera> cameras, int total) {
}
