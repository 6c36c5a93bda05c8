package org.cameraregistry.outbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/outbox}, for operators (on the service's own port, never routed by the gateway):
 * {@code GET} shows what waits and what is parked, and why; {@code POST {"eventId": "..."}}
 * re-queues one parked event, {@code POST {"eventId": "all"}} every parked event.
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private static final int SHOWN = 100;

    private final List<Outbox> outboxes;
    private final OutboxRelay relay;

    OutboxEndpoint(List<Outbox> outboxes, OutboxRelay relay) {
        this.outboxes = outboxes;
        this.relay = relay;
    }

    @ReadOperation
    public Summary summary() {
        long waiting = outboxes.stream().mapToLong(Outbox::waitingCount).sum();
        long parkedDocuments = outboxes.stream().mapToLong(Outbox::parkedCount).sum();
        Instant oldest = outboxes.stream().flatMap(outbox -> outbox.oldestWaitingSince().stream())
                .min(Comparator.naturalOrder()).orElse(null);
        List<Outbox.Parked> parked = outboxes.stream().flatMap(outbox -> outbox.parked(SHOWN).stream())
                .sorted(Comparator.comparing(Outbox.Parked::parkedAt)).limit(SHOWN).toList();
        return new Summary(waiting, oldest, parkedDocuments, parked);
    }

    /** Re-queues the parked event {@code eventId}, or every parked event for {@code all}. */
    @WriteOperation
    public Map<String, Object> requeue(String eventId) {
        int requeued = 0;
        for (Outbox outbox : outboxes) {
            List<String> ids = "all".equals(eventId)
                    ? outbox.parked(Integer.MAX_VALUE).stream().map(Outbox.Parked::eventId).toList()
                    : List.of(eventId);
            for (String id : ids) {
                requeued += outbox.requeue(id) ? 1 : 0;
            }
        }
        relay.wakeUp();
        return Map.of("requeued", requeued);
    }

    /**
     * @param waitingDocuments   documents whose events wait to be published
     * @param oldestWaitingSince when the oldest waiting event was written, if one waits
     * @param parkedDocuments    documents with parked events
     * @param parked             the parked events, oldest first (at most {@value #SHOWN})
     */
    public record Summary(long waitingDocuments, Instant oldestWaitingSince, long parkedDocuments,
            List<Outbox.Parked> parked) {
    }
}
