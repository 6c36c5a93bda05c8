package org.cameraregistry.bench.geo;

import java.util.Locale;
import org.cameraregistry.bench.geo.CameraPlaces.Layout;
import org.cameraregistry.geo.index.CameraIndex;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes per camera: geo-search's index, every object reachable from it counted by JOL (the
 * OpenJDK's object layout tool), beside Lucene's index files for the same cameras (points only,
 * and points with the id term that replacing a camera needs). Prints a markdown table.
 *
 * <p>{@code java -cp bench/target/bench.jar org.cameraregistry.bench.geo.GeoIndexFootprint}
 */
public final class GeoIndexFootprint {

    private GeoIndexFootprint() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("| cameras | layout | geo-search index, heap | Lucene, points only | Lucene, points and ids |");
        System.out.println("|---|---|---|---|---|");
        for (int cameras : new int[] {10_000, 100_000, 1_000_000}) {
            for (Layout layout : Layout.values()) {
                CameraPlaces places = CameraPlaces.of(cameras, layout, 42);
                CameraIndex index = CameraIndexes.of(places, 100_000);
                long ours = GraphLayout.parseInstance(index).totalSize();
                long lucenePoints;
                try (LuceneCameras lucene = new LuceneCameras(places, false)) {
                    lucenePoints = lucene.indexBytes();
                }
                long luceneWithIds;
                try (LuceneCameras lucene = new LuceneCameras(places, true)) {
                    luceneWithIds = lucene.indexBytes();
                }
                System.out.printf(Locale.ROOT, "| %,d | %s | %.1f B | %.1f B | %.1f B |%n", cameras, layout.name().toLowerCase(Locale.ROOT),
                        (double) ours / cameras, (double) lucenePoints / cameras, (double) luceneWithIds / cameras);
            }
        }
    }
}
