// The portal's maps, on Leaflet. Without tiles (none configured, or no network) a map still takes a
// pin: the latitude and longitude fields are the truth, the map only helps to fill them in.
"use strict";

(function () {
    function settings(element) {
        return {
            tileUrl: element.dataset.tileUrl || "",
            attribution: element.dataset.tileAttribution || "",
            center: [Number(element.dataset.centerLatitude), Number(element.dataset.centerLongitude)],
            zoom: Number(element.dataset.zoom) || 12
        };
    }

    function mapOn(element) {
        var given = settings(element);
        var map = L.map(element, { keyboard: true }).setView(given.center, given.zoom);
        if (given.tileUrl) {
            L.tileLayer(given.tileUrl, { maxZoom: 19, attribution: given.attribution }).addTo(map);
        } else {
            element.classList.add("map-without-tiles");
        }
        return map;
    }

    function coordinate(value) {
        return Math.round(value * 1e6) / 1e6;
    }

    // The owner's cameras: a marker each, named by its label (as text, never as HTML).
    function showCameras(element) {
        var map = mapOn(element);
        var bounds = [];
        document.querySelectorAll("[data-latitude][data-longitude]").forEach(function (camera) {
            var position = [Number(camera.dataset.latitude), Number(camera.dataset.longitude)];
            var name = document.createElement("span");
            name.textContent = camera.dataset.label || "";
            L.marker(position, { title: camera.dataset.label || "", keyboard: false }).bindTooltip(name).addTo(map);
            bounds.push(position);
        });
        if (bounds.length === 1) {
            map.setView(bounds[0], 16);
        } else if (bounds.length > 1) {
            map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
        }
    }

    // A camera's place: a click or tap sets the pin and fills in the fields; typing in the fields moves the pin.
    function pickPlace(element) {
        var map = mapOn(element);
        var latitude = document.getElementById("latitude");
        var longitude = document.getElementById("longitude");
        var status = document.getElementById("pin-status");
        var pin = null;

        function place(position, announce) {
            if (pin) {
                pin.setLatLng(position);
            } else {
                pin = L.marker(position, { keyboard: false }).addTo(map);
            }
            if (announce && status) {
                status.textContent = "Pin placed at " + position[0].toFixed(6) + ", " + position[1].toFixed(6) + ".";
            }
        }

        function fromFields() {
            var lat = Number(latitude.value);
            var lon = Number(longitude.value);
            if (latitude.value.trim() !== "" && longitude.value.trim() !== "" && isFinite(lat) && isFinite(lon)
                    && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
                place([lat, lon], false);
                return [lat, lon];
            }
            return null;
        }

        var start = fromFields();
        if (start) {
            map.setView(start, 17);
        }
        map.on("click", function (event) {
            var position = [coordinate(event.latlng.lat), coordinate(event.latlng.lng)];
            latitude.value = position[0];
            longitude.value = position[1];
            place(position, true);
        });
        latitude.addEventListener("change", fromFields);
        longitude.addEventListener("change", fromFields);
        element.addEventListener("placefound", function () {
            var found = fromFields();
            if (found) {
                map.setView(found, 17);
            }
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        if (typeof L === "undefined") {
            return;
        }
        document.querySelectorAll("[data-map='cameras']").forEach(showCameras);
        document.querySelectorAll("[data-map='pick']").forEach(pickPlace);
    });
})();
