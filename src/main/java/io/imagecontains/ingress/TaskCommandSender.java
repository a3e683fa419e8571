package io.imagecontains.ingress;

import io.imagecontains.task.TaskCommand;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Hands validated commands to the core over the internal task-commands topic, keyed by {@code
 * function/taskName} so every command of a task lands on the partition that owns its state.
 */
@ApplicationScoped
public class TaskCommandSender {

  /** Channel of the internal task-commands topic (mapped in application.properties). */
  public static final String CHANNEL = "task-commands";

  /** Bounds the records in flight from one ingress batch; above the consumer's max.poll.records. */
  static final long BUFFER = 8192;

  private final MutinyEmitter<byte[]> emitter;

  public TaskCommandSender(
      @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
          MutinyEmitter<byte[]> emitter) {
    this.emitter = emitter;
  }

  /**
   * Completes when the broker has the command. The producer already retries within its delivery
   * timeout; past that (a long broker outage) we keep trying rather than lose the command.
   */
  public Uni<Void> send(TaskCommand command) {
    return Uni.createFrom()
        .deferred(() -> emitter.sendMessage(message(command)))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
        .indefinitely();
  }

  private static Message<byte[]> message(TaskCommand command) {
    return Message.of(RequestParser.encode(command))
        .addMetadata(
            OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(command.key().toString())
                .build());
  }
}
