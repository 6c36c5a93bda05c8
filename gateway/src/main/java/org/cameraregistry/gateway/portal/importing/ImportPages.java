package org.cameraregistry.gateway.portal.importing;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.cameraregistry.gateway.portal.ServiceCalls;
import org.cameraregistry.gateway.portal.ServiceUnavailableException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A business imports many cameras from a CSV file: the page says what the file holds and offers a
 * template; the upload goes to the registry, which imports in the background; the report page shows
 * a progress bar while it runs (its script asks how far it is), then each row not imported.
 */
@Controller
class ImportPages {

    private static final String REGISTRY = "registry-service";
    private static final Pattern IMPORT_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    /** Ten thousand rows of every column take well under this. */
    private static final int LARGEST_FILE = 4 * 1024 * 1024;

    private final ServiceCalls services;

    ImportPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/cameras/import")
    String upload() {
        return "importing/upload";
    }

    @PostMapping(path = "/cameras/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<String> start(Model model, ServerWebExchange exchange) {
        return exchange.getMultipartData()
                .flatMap(parts -> parts.getFirst("file") instanceof FilePart file && !file.filename().isBlank()
                        ? text(file) : Mono.just(""))
                .flatMap(csv -> csv.isBlank()
                        ? refused(exchange, model, "Choose a CSV file to import.")
                        : services.send(HttpMethod.POST, REGISTRY, "/api/cameras/imports", MediaType.valueOf("text/csv"), csv)
                                .flatMap(answer -> switch (answer.status()) {
                                    case 202 -> Mono.just("redirect:/cameras/import/" + answer.body().path("id").asString());
                                    case 400, 503 -> refused(exchange, model, answer.detail());
                                    default -> Mono.error(new ServiceUnavailableException(REGISTRY,
                                            new IllegalStateException("an import answered " + answer.status())));
                                }))
                .onErrorResume(TooLargeException.class, tooLarge -> refused(exchange, model, tooLarge.getMessage()));
    }

    @GetMapping("/cameras/import/{id}")
    Mono<String> report(@PathVariable String id, Model model, ServerWebExchange exchange) {
        return reportOf(id).map(report -> {
            if (report.isMissingNode()) {
                exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
                return "importing/not-found";
            }
            model.addAttribute("report", report);
            model.addAttribute("reportId", id);
            return "importing/report";
        });
    }

    /** How far the import is, for the report page's script. */
    @GetMapping(path = "/cameras/import/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Mono<ResponseEntity<Progress>> progress(@PathVariable String id) {
        return reportOf(id).map(report -> report.isMissingNode() ? ResponseEntity.notFound().build()
                : ResponseEntity.ok(new Progress(report.path("state").asString(), report.path("processed").asInt(),
                        report.path("total").asInt())));
    }

    private Mono<JsonNode> reportOf(String id) {
        if (!IMPORT_ID.matcher(id).matches()) {
            return Mono.just(MissingNode.getInstance());
        }
        return services.get(REGISTRY, "/api/cameras/imports/" + id).map(answer -> {
            if (answer.is(200)) {
                return answer.body();
            }
            if (answer.is(404)) {
                return MissingNode.getInstance();
            }
            throw new ServiceUnavailableException(REGISTRY, new IllegalStateException("a report answered " + answer.status()));
        });
    }

    private static Mono<String> text(FilePart file) {
        return DataBufferUtils.join(file.content(), LARGEST_FILE)
                .onErrorMap(DataBufferLimitException.class,
                        tooLarge -> new TooLargeException())
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                });
    }

    private static Mono<String> refused(ServerWebExchange exchange, Model model, String problem) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        model.addAttribute("problem", problem);
        return Mono.just("importing/upload");
    }

    /**
     * @param state     RUNNING, DONE or INTERRUPTED
     * @param processed rows done
     * @param total     rows in the file
     */
    record Progress(String state, int processed, int total) {
    }

    /** A file larger than any file of ten thousand cameras. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException() {
            super("The file is larger than " + LARGEST_FILE / (1024 * 1024) + " MB; a file of 10,000 cameras is far"
                    + " smaller. Check that it is the camera file, saved as CSV.");
        }
    }
}
