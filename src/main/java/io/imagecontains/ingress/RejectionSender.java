package io.imagecontains.ingress;

import io.imagecontains.task.Rejection;
import io.imagecontains.task.TaskJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Writes the ingress's refusals to the rejections topic (the core writes its own in Streams). */
@ApplicationScoped
public class RejectionSender {

  /** Channel of the public rejections topic (mapped in application.properties). */
  public static final String CHANNEL = "rejections";

  private final MutinyEmitter<byte[]> emitter;

  public RejectionSender(
      @Channel(CHANNEL)
          @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = TaskCommandSender.BUFFER)
          MutinyEmitter<byte[]> emitter) {
    this.emitter = emitter;
  }

  /** Completes when the broker has the rejection; like commands, a refusal is never dropped. */
  public Uni<Void> send(Rejection rejection) {
    return Uni.createFrom()
        .deferred(() -> emitter.sendMessage(message(rejection)))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
        .indefinitely();
  }

  private static Message<byte[]> message(Rejection rejection) {
    OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata =
        OutgoingKafkaRecordMetadata.builder();
    if (rejection.kafkaKey() != null) {
      metadata.withKey(rejection.kafkaKey());
    }
    return Message.of(TaskJson.write(rejection)).addMetadata(metadata.build());
  }
}
