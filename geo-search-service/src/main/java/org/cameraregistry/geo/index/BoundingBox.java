package org.cameraregistry.geo.index;

/**
 * A box between two parallels and two meridians, edges included, in degrees. When {@code west} is
 * greater than {@code east} the box crosses the antimeridian, as GeoJSON's bounding boxes do.
 */
public record BoundingBox(double south, double west, double north, double east) {

    public BoundingBox {
        if (!(south >= -90 && north <= 90 && south <= north)) {
            throw new IllegalArgumentException("south and north are latitudes from -90 to 90, south not above north");
        }
        if (!(west >= -180 && west <= 180 && east >= -180 && east <= 180)) {
            throw new IllegalArgumentException("west and east are longitudes from -180 to 180");
        }
    }

    public boolean crossesAntimeridian() {
        return west > east;
    }

    public boolean contains(double latitude, double longitude) {
        return latitude >= south && latitude <= north
                && (crossesAntimeridian() ? longitude >= west || longitude <= east : longitude >= west && longitude <= east);
    }
}
