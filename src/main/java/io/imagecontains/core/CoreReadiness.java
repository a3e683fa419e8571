package io.imagecontains.core;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the core has run: Quarkus's own check only sees the topics, and says UP while Kafka
 * Streams is still assigning partitions and restoring stores, when reads cannot be answered. A
 * later rebalance does not make the instance unready — it answers 503 with Retry-After meanwhile —
 * so that a rebalance across all replicas does not take the whole service out of rotation.
 */
@Readiness
@ApplicationScoped
public class CoreReadiness implements HealthCheck {

  private final KafkaStreams streams;
  private final AtomicBoolean hasRun = new AtomicBoolean();

  public CoreReadiness(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public HealthCheckResponse call() {
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.RUNNING) {
      hasRun.set(true);
    }
    boolean ready =
        state == KafkaStreams.State.RUNNING
            || (hasRun.get() && state == KafkaStreams.State.REBALANCING);
    return HealthCheckResponse.named("image-contains core")
        .status(ready)
        .withData("state", state.name())
        .build();
  }
}
