package io.imagecontains.ingress;

import io.imagecontains.kafka.TopicsConfig;
import io.imagecontains.task.TaskCommand;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Hands validated commands to the core over the internal task-commands topic, keyed by {@code
 * function/taskName} so every command of a task lands on the partition that owns its state.
 * Completes once the broker has them (acks=all, idempotent producer: never lost, never doubled).
 */
@ApplicationScoped
public class TaskCommandSender {

  /** Channel of the internal task-commands topic (mapped in application.properties). */
  public static final String CHANNEL = "task-commands";

  private final BatchSender sender;

  /**
   * The emitter is not used to send: it declares the channel, so SmallRye creates and configures
   * its producer, which {@link BatchSender} then drives a batch at a time.
   */
  public TaskCommandSender(
      @Channel(CHANNEL) MutinyEmitter<byte[]> channel,
      KafkaClientService clients,
      TopicsConfig topics) {
    this.sender = new BatchSender(clients, CHANNEL, topics.commands());
  }

  public Uni<Void> send(TaskCommand command) {
    return sendAll(List.of(command));
  }

  public Uni<Void> sendAll(List<TaskCommand> commands) {
    return sender.send(commands.stream().map(this::record).toList());
  }

  private ProducerRecord<String, byte[]> record(TaskCommand command) {
    return sender.record(command.key().toString(), RequestParser.encode(command));
  }
}
