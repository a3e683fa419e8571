package io.imagecontains.ingress;

import io.imagecontains.kafka.TopicsConfig;
import io.imagecontains.task.Rejection;
import io.imagecontains.task.TaskJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Writes the ingress's refusals to the rejections topic (the core writes its own in Streams), keyed
 * {@code function/taskName} when known. Like commands, a refusal is never dropped.
 */
@ApplicationScoped
public class RejectionSender {

  /** Channel of the public rejections topic (mapped in application.properties). */
  public static final String CHANNEL = "rejections";

  private final BatchSender sender;

  /** The emitter declares the channel; see {@link TaskCommandSender}. */
  public RejectionSender(
      @Channel(CHANNEL) MutinyEmitter<byte[]> channel,
      KafkaClientService clients,
      TopicsConfig topics) {
    this.sender = new BatchSender(clients, CHANNEL, topics.rejections());
  }

  public Uni<Void> sendAll(List<Rejection> rejections) {
    return sender.send(rejections.stream().map(this::record).toList());
  }

  private ProducerRecord<String, byte[]> record(Rejection rejection) {
    return sender.record(rejection.kafkaKey(), TaskJson.write(rejection));
  }
}
