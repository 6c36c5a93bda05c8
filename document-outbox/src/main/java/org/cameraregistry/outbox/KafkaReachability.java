package org.cameraregistry.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka cluster answers at all. Asked only when every send of a relay pass failed, to
 * tell an outage (wait, blame no event) from events that Kafka refuses while it is up.
 */
public class KafkaReachability {

    private final Map<String, Object> adminConfiguration;
    private final Duration timeout;

    public KafkaReachability(Map<String, Object> adminConfiguration, Duration timeout) {
        this.adminConfiguration = adminConfiguration;
        this.timeout = timeout;
    }

    /** True if a broker described the cluster within the timeout. */
    public boolean isReachable() {
        // A client per question: it is asked rarely, and an idle one would log every failed reconnect during an outage.
        try (Admin admin = Admin.create(adminConfiguration)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
