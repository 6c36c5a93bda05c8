package org.cameraregistry.geo.index;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts an area search's cameras per H3 cell. H3 names a point's cell through a native call, too
 * dear for every one of a million cameras; so each cell met is kept as the great circles of its
 * edges, and a camera inside all of them by a margin is the cell's without asking H3. H3 draws a
 * cell's edges straight in a gnomonic projection, where straight lines are great circles, so this
 * is H3's own test; only a camera within a few metres of an edge, or in a cell that is not
 * star-shaped around its centre, is named by H3 itself. The property tests hold the two to agree.
 */
final class Clustering implements CameraIndex.Gathering {

    /**
     * How far inside every edge (as the sine of an angle: about 6 m) a camera must be to be placed
     * without H3; it covers the rounding of the floats the tiles keep (2.5e-7) many times over.
     */
    private static final double MARGIN = 1e-6;
    /** Cells tried before asking H3: a box is swept row by row, so the same few recur. */
    private static final int RECENT = 8;

    private final H3Core h3 = H3Cells.core();
    private final int resolution;
    private final int listedUpTo;
    private final Map<Long, Cell> cells = new HashMap<>();
    private final Cell[] recent = new Cell[RECENT];
    private int recentCount;
    private final float[] xyz = new float[3];
    private int total;

    Clustering(int resolution, int listedUpTo) {
        this.resolution = resolution;
        this.listedUpTo = listedUpTo;
    }

    @Override
    public void take(long[] tile, int i, int flags, double latitude, double longitude) {
        total++;
        Tile.unitVector(tile, i, xyz);
        Cell cell = recentHolding(xyz[0], xyz[1], xyz[2]);
        if (cell == null) {
            cell = cells.computeIfAbsent(h3.latLngToCell(latitude, longitude, resolution), Cell::new);
            remember(cell);
        }
        cell.count++;
        cell.x += xyz[0];
        cell.y += xyz[1];
        cell.z += xyz[2];
        if (cell.cameras != null) {
            if (cell.count <= listedUpTo) {
                cell.cameras.add(Tile.found(tile, i, flags, latitude, longitude));
            } else {
                cell.cameras = null;
            }
        }
    }

    private Cell recentHolding(float x, float y, float z) {
        for (int r = 0; r < recentCount; r++) {
            Cell cell = recent[r];
            if (cell.holds(x, y, z)) {
                if (r > 0) {
                    System.arraycopy(recent, 0, recent, 1, r);
                    recent[0] = cell;
                }
                return cell;
            }
        }
        return null;
    }

    private void remember(Cell cell) {
        if (cell.edges == null) {
            return;
        }
        for (int r = 0; r < recentCount; r++) {
            if (recent[r] == cell) {
                return;
            }
        }
        recentCount = Math.min(recentCount + 1, RECENT);
        System.arraycopy(recent, 0, recent, 1, recentCount - 1);
        recent[0] = cell;
    }

    CameraClusters answer() {
        List<CameraCluster> clusters = new ArrayList<>(cells.size());
        cells.values().stream().sorted(Comparator.comparingLong(cell -> cell.id)).forEach(cell -> {
            double horizontal = Math.hypot(cell.x, cell.y);
            double latitude = Math.toDegrees(Math.atan2(cell.z, horizontal));
            double longitude = horizontal == 0 ? 0 : Math.toDegrees(Math.atan2(cell.y, cell.x));
            clusters.add(new CameraCluster(h3.h3ToString(cell.id), cell.count, latitude, longitude,
                    cell.cameras == null ? List.of() : cell.cameras));
        });
        return new CameraClusters(resolution, total, clusters);
    }

    /** One H3 cell met by the search: its edges as planes through the Earth's centre, and its cameras so far. */
    private final class Cell {

        final long id;
        /** Per edge, the unit normal of its great circle, pointing inwards; null if no Java test is made. */
        final double[] edges;
        int count;
        double x;
        double y;
        double z;
        List<FoundCamera> cameras = new ArrayList<>();

        Cell(long id) {
            this.id = id;
            this.edges = inwardNormals(id);
        }

        boolean holds(float px, float py, float pz) {
            double[] e = edges;
            for (int k = 0; k < e.length; k += 3) {
                if (e[k] * px + e[k + 1] * py + e[k + 2] * pz <= MARGIN) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The inward normals of a cell's edges, or null when its centre is not inside each of them by
     * the margin (a shape the test would not decide rightly). A point inside every edge's great
     * circle lies in the cell: that region is the cell's kernel, the whole cell when it is convex.
     */
    private double[] inwardNormals(long cell) {
        List<LatLng> boundary = h3.cellToBoundary(cell);
        LatLng centre = h3.cellToLatLng(cell);
        double[] c = unit(centre.lat, centre.lng);
        int n = boundary.size();
        double[] normals = new double[3 * n];
        int inward = 0;
        for (int k = 0; k < n; k++) {
            LatLng from = boundary.get(k);
            LatLng to = boundary.get((k + 1) % n);
            double[] a = unit(from.lat, from.lng);
            double[] b = unit(to.lat, to.lng);
            double nx = a[1] * b[2] - a[2] * b[1];
            double ny = a[2] * b[0] - a[0] * b[2];
            double nz = a[0] * b[1] - a[1] * b[0];
            double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (length == 0) {
                return null;
            }
            normals[3 * k] = nx / length;
            normals[3 * k + 1] = ny / length;
            normals[3 * k + 2] = nz / length;
            double side = normals[3 * k] * c[0] + normals[3 * k + 1] * c[1] + normals[3 * k + 2] * c[2];
            inward += side > MARGIN ? 1 : side < -MARGIN ? -1 : 0;
        }
        if (Math.abs(inward) != n) {
            return null;
        }
        if (inward < 0) {
            for (int k = 0; k < normals.length; k++) {
                normals[k] = -normals[k];
            }
        }
        return normals;
    }

    private static double[] unit(double latitude, double longitude) {
        double phi = Math.toRadians(latitude);
        double lambda = Math.toRadians(longitude);
        return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
    }
}
