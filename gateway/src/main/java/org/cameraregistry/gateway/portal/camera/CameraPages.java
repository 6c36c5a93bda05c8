package org.cameraregistry.gateway.portal.camera;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.cameraregistry.gateway.portal.ServiceCalls;
import org.cameraregistry.gateway.portal.ServiceUnavailableException;
import org.cameraregistry.gateway.portal.geocoding.Geocoder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The owner's cameras: the list and map, registering, editing and deleting one. Each page calls
 * the registry as the signed-in owner, so the registry's rules are the only ones: another owner's
 * camera is "not found" here as it is there. Every form answers with a redirect once done, so a
 * reload never sends it again.
 */
@Controller
@RequestMapping("/cameras")
class CameraPages {

    private static final String REGISTRY = "registry-service";
    private static final int PAGE_SIZE = 50;
    private static final Pattern CAMERA_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    /** How the error summary names each field. */
    private static final Map<String, String> FIELD_NAMES = Map.of("label", "The name", "latitude", "The latitude",
            "longitude", "The longitude", "level", "The level", "views", "What it looks at", "facingDegrees",
            "The direction", "fieldOfViewDegrees", "How wide it sees", "retentionDays", "The days kept",
            "recordsAudio", "Sound", "sharesPastFootage", "Sharing footage");

    /** What a redirect back here says was done, by its {@code done} parameter. */
    private static final Map<String, String> DONE = Map.of(
            "registered", "Your camera is registered. Investigators of your police department can now find it.",
            "changed", "Your camera is changed.",
            "paused", "Your camera is paused: no search finds it until you resume it.",
            "resumed", "Your camera is resumed: investigators of your police department can find it again.",
            "deleted", "Your camera is deleted, here and from every search.");

    /** When a pairing code stops working, in words; UTC, since the gateway does not know the owner's zone. */
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ServiceCalls services;
    private final Geocoder geocoder;

    CameraPages(ServiceCalls services, Geocoder geocoder) {
        this.services = services;
        this.geocoder = geocoder;
    }

    @GetMapping
    Mono<String> myCameras(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String done,
            Model model, ServerWebExchange exchange) {
        int wanted = Math.clamp(page, 0, 100_000);
        return services.get(REGISTRY, "/api/cameras?page=" + wanted + "&size=" + PAGE_SIZE).map(answer -> {
            if (answer.is(403)) {
                // Police staff and dispatch systems register no cameras: these pages are the owners'.
                return ownersOnly(exchange);
            }
            if (!answer.is(200)) {
                throw new ServiceUnavailableException(REGISTRY, new IllegalStateException("answered " + answer.status()));
            }
            List<JsonNode> cameras = new ArrayList<>();
            answer.body().path("cameras").forEach(cameras::add);
            long total = answer.body().path("totalCameras").asLong(0);
            model.addAttribute("cameras", cameras);
            model.addAttribute("total", total);
            model.addAttribute("page", wanted);
            model.addAttribute("lastPage", Math.max(0, (total - 1) / PAGE_SIZE));
            model.addAttribute("done", done == null ? null : DONE.get(done));
            return "cameras/list";
        });
    }

    @GetMapping("/new")
    String registerForm(Model model) {
        return form(model, CameraForm.blank(), Map.of(), null);
    }

    @PostMapping("/new")
    Mono<String> register(@ModelAttribute("form") CameraForm form, Model model, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(sent -> wantsLookup(sent.getFirst("find"), form) ? lookUp(form, model)
                : send(form, model, exchange));
    }

    private Mono<String> send(CameraForm form, Model model, ServerWebExchange exchange) {
        CameraForm.Request request = form.toRequest();
        if (!request.errors().isEmpty()) {
            return Mono.just(refused(exchange, model, form, request.errors(), null));
        }
        return services.call(HttpMethod.POST, REGISTRY, "/api/cameras", request.body(),
                headers -> headers.set("Idempotency-Key", form.requestId()), true).map(answer -> {
                    if (answer.is(201)) {
                        // A Level 2 camera's relay device is paired next.
                        return "LEVEL_2".equals(answer.body().path("level").asString())
                                ? "redirect:/cameras/" + answer.body().path("id").asString() + "/pairing"
                                : "redirect:/cameras?done=registered";
                    }
                    if (answer.is(403)) {
                        return ownersOnly(exchange);
                    }
                    return refused(exchange, model, form, fieldErrors(answer.body()), answer.detail());
                });
    }

    @GetMapping("/{id}/edit")
    Mono<String> editForm(@PathVariable String id, Model model, ServerWebExchange exchange) {
        return camera(id).map(camera -> camera.isMissingNode() ? notFound(exchange)
                : form(model, CameraForm.of(camera), Map.of(), camera));
    }

    @PostMapping("/{id}/edit")
    Mono<String> edit(@PathVariable String id, @ModelAttribute("form") CameraForm form, Model model,
            ServerWebExchange exchange) {
        if (!CAMERA_ID.matcher(id).matches()) {
            return Mono.just(notFound(exchange));
        }
        model.addAttribute("cameraId", id);
        return exchange.getFormData().flatMap(sent -> wantsLookup(sent.getFirst("find"), form) ? lookUp(form, model)
                : change(id, form, model, exchange));
    }

    private Mono<String> change(String id, CameraForm form, Model model, ServerWebExchange exchange) {
        CameraForm.Request request = form.toRequest();
        if (!request.errors().isEmpty()) {
            return Mono.just(refused(exchange, model, form, request.errors(), null));
        }
        return services.call(HttpMethod.PUT, REGISTRY, "/api/cameras/" + id, request.body(),
                headers -> ifMatch(headers, form.version()), true).map(answer -> switch (answer.status()) {
                    case 200 -> "redirect:/cameras?done=changed";
                    case 404 -> notFound(exchange);
                    case 409, 412 -> refused(exchange, model, form, Map.of(),
                            "This camera was changed elsewhere since you opened this page. Open it again to see the"
                                    + " change, then make yours.");
                    default -> refused(exchange, model, form, fieldErrors(answer.body()), answer.detail());
                });
    }

    @GetMapping("/{id}/delete")
    Mono<String> deleteQuestion(@PathVariable String id, Model model, ServerWebExchange exchange) {
        return camera(id).map(camera -> {
            if (camera.isMissingNode()) {
                return notFound(exchange);
            }
            model.addAttribute("camera", camera);
            return "cameras/delete";
        });
    }

    @PostMapping("/{id}/delete")
    Mono<String> delete(@PathVariable String id, ServerWebExchange exchange) {
        if (!CAMERA_ID.matcher(id).matches()) {
            return Mono.just(notFound(exchange));
        }
        return services.call(HttpMethod.DELETE, REGISTRY, "/api/cameras/" + id, null, headers -> { }, true)
                .map(answer -> switch (answer.status()) {
                    case 204 -> "redirect:/cameras?done=deleted";
                    case 404 -> notFound(exchange);
                    default -> throw new ServiceUnavailableException(REGISTRY,
                            new IllegalStateException("deleting a camera answered " + answer.status()));
                });
    }

    /**
     * "Find the address" was pressed with an address typed. Pressing Enter in another field presses
     * the form's first button too, which is this one: with no address, the form is being sent.
     */
    private static boolean wantsLookup(String find, CameraForm form) {
        return find != null && form.address() != null && !form.address().isBlank();
    }

    /** The form again, placed where the address is, or saying why it could not be. */
    private Mono<String> lookUp(CameraForm form, Model model) {
        return geocoder.locate(form.address().strip()).map(lookup -> {
            model.addAttribute("lookup", lookup);
            return form(model, lookup.found() ? form.placedAt(lookup.latitude(), lookup.longitude()) : form, Map.of(), null);
        });
    }

    /** How to pair a Level 2 camera's relay device, and the button that shows a one-time code. */
    @GetMapping("/{id}/pairing")
    Mono<String> pairing(@PathVariable String id, Model model, ServerWebExchange exchange) {
        return camera(id).map(camera -> {
            if (camera.isMissingNode()) {
                return notFound(exchange);
            }
            model.addAttribute("camera", camera);
            return "cameras/pairing";
        });
    }

    /** Shows a new one-time pairing code, once: the answer is not a redirect, so that the code is never in a URL. */
    @PostMapping("/{id}/pairing")
    Mono<String> pairingCode(@PathVariable String id, Model model, ServerWebExchange exchange) {
        return camera(id).flatMap(camera -> {
            if (camera.isMissingNode()) {
                return Mono.just(notFound(exchange));
            }
            model.addAttribute("camera", camera);
            return services.call(HttpMethod.POST, REGISTRY, "/api/cameras/" + id + "/pairing-code", null, headers -> { }, true)
                    .map(answer -> {
                        if (answer.is(201)) {
                            exchange.getResponse().getHeaders().setCacheControl("no-store");
                            model.addAttribute("code", answer.body().path("code").asString());
                            String expiresAt = answer.body().path("expiresAt").asString();
                            model.addAttribute("expiresAt", expiresAt);
                            model.addAttribute("expiresAtText", EXPIRY.format(Instant.parse(expiresAt)));
                        } else {
                            exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
                            model.addAttribute("problem", answer.detail());
                        }
                        return "cameras/pairing";
                    });
        });
    }

    /** Pauses a camera (it leaves every search) or resumes it, then back to the list. */
    @PostMapping("/{id}/{change:pause|resume}")
    Mono<String> pauseOrResume(@PathVariable String id, @PathVariable String change, ServerWebExchange exchange) {
        if (!CAMERA_ID.matcher(id).matches()) {
            return Mono.just(notFound(exchange));
        }
        return services.call(HttpMethod.POST, REGISTRY, "/api/cameras/" + id + "/" + change, null, headers -> { }, true)
                .map(answer -> switch (answer.status()) {
                    case 200 -> "redirect:/cameras?done=" + (change.equals("pause") ? "paused" : "resumed");
                    case 404 -> notFound(exchange);
                    default -> throw new ServiceUnavailableException(REGISTRY,
                            new IllegalStateException(change + " answered " + answer.status()));
                });
    }

    /**
     * The owner's camera, or a missing node if there is none of that id (another owner's included).
     * Any other answer is the registry's trouble, not a camera that does not exist.
     */
    private Mono<JsonNode> camera(String id) {
        if (!CAMERA_ID.matcher(id).matches()) {
            return Mono.just(MissingNode.getInstance());
        }
        return services.get(REGISTRY, "/api/cameras/" + id).map(answer -> switch (answer.status()) {
            case 200 -> answer.body();
            case 404 -> MissingNode.getInstance();
            default -> throw new ServiceUnavailableException(REGISTRY,
                    new IllegalStateException("reading a camera answered " + answer.status()));
        });
    }

    private static String form(Model model, CameraForm form, Map<String, String> errors, JsonNode camera) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("views", ViewChoice.ALL);
        model.addAttribute("fieldNames", FIELD_NAMES);
        if (camera != null) {
            model.addAttribute("cameraId", camera.path("id").asString());
        }
        return "cameras/form";
    }

    private static String refused(ServerWebExchange exchange, Model model, CameraForm form, Map<String, String> errors,
            String problem) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        model.addAttribute("problem", errors.isEmpty() ? problem : null);
        return form(model, form, errors, null);
    }

    private static String ownersOnly(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        return "portal/owners-only";
    }

    private static String notFound(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
        return "portal/not-found";
    }

    /** The registry's field errors, by field: its {@code errors} of an invalid request. */
    private static Map<String, String> fieldErrors(JsonNode problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.path("errors").forEach(error -> errors.putIfAbsent(
                error.path("field").asString("").replaceAll("\\[.*", ""), error.path("message").asString("is not valid")));
        return errors;
    }

    private static void ifMatch(HttpHeaders headers, String version) {
        if (version != null && version.matches("\\d{1,18}")) {
            headers.setIfMatch("\"" + version + "\"");
        }
    }

    /**
     * One of the things a camera may look at, with its words on the page.
     *
     * @param value as the registry names it
     * @param label as the owner reads it
     */
    record ViewChoice(String value, String label) {
        static final List<ViewChoice> ALL = List.of(new ViewChoice("STREET", "The street"),
                new ViewChoice("SIDEWALK", "The sidewalk"), new ViewChoice("PARKING", "A parking area"),
                new ViewChoice("ENTRANCE", "An entrance"), new ViewChoice("EXTERIOR", "Only the outside of my own building"));
    }
}
