package io.imagecontains.mturk;

import io.imagecontains.task.TaskJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Hands the gateway's events to the core over the internal hit-events topic, keyed by {@code
 * function/taskName} so each event reaches the partition that owns its task.
 */
@ApplicationScoped
public class HitEventSender {

  /** Channel of the internal hit-events topic (mapped in application.properties). */
  public static final String CHANNEL = "hit-events";

  /** Above the commands one batch can have in flight (the consumer's max.poll.records). */
  static final long BUFFER = 1024;

  private final MutinyEmitter<byte[]> emitter;

  public HitEventSender(
      @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
          MutinyEmitter<byte[]> emitter) {
    this.emitter = emitter;
  }

  /**
   * Completes when the broker has the event. Past the producer's own delivery timeout (a long
   * broker outage) we keep trying: the MTurk call is done, and its outcome must not be lost.
   */
  public Uni<Void> send(HitEvent event) {
    return Uni.createFrom()
        .deferred(() -> emitter.sendMessage(message(event)))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
        .indefinitely();
  }

  private static Message<byte[]> message(HitEvent event) {
    return Message.of(TaskJson.write(event))
        .addMetadata(
            OutgoingKafkaRecordMetadata.<String>builder().withKey(event.taskKey()).build());
  }
}
