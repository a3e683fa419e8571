package io.imagecontains.ingress;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Sends records through an outgoing channel's SmallRye-managed Kafka producer, a whole batch at a
 * time: the records are handed to the producer on its own sending thread (never blocking an event
 * loop) and the batch completes when the broker has acknowledged every one. Per-message emitters
 * cost more than the work they carry at ingress rates. A record the producer gives up on (a broker
 * away past its delivery timeout) is sent again, with backoff, until it lands.
 */
final class BatchSender {

  private static final Logger LOG = Logger.getLogger(BatchSender.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration LAST_RETRY = Duration.ofSeconds(10);

  private final KafkaClientService clients;
  private final String channel;
  private final String topic;
  private volatile KafkaProducer<String, byte[]> producer;

  /**
   * @param topic the channel's topic (the same {@code topics.*} property its mapping uses)
   */
  BatchSender(KafkaClientService clients, String channel, String topic) {
    this.clients = clients;
    this.channel = channel;
    this.topic = topic;
  }

  /** A record for this sender's topic; a null key lets the producer spread records. */
  ProducerRecord<String, byte[]> record(String key, byte[] value) {
    return new ProducerRecord<>(topic, key, value);
  }

  Uni<Void> send(List<ProducerRecord<String, byte[]>> records) {
    return send(records, FIRST_RETRY);
  }

  private Uni<Void> send(List<ProducerRecord<String, byte[]>> records, Duration retryIn) {
    if (records.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return attempt(records)
        .chain(
            failed -> {
              if (failed.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              LOG.warnf(
                  "%d records to %s not acknowledged; retrying in %s",
                  failed.size(), channel, retryIn);
              Duration next =
                  retryIn.multipliedBy(2).compareTo(LAST_RETRY) > 0
                      ? LAST_RETRY
                      : retryIn.multipliedBy(2);
              return Uni.createFrom()
                  .voidItem()
                  .onItem()
                  .delayIt()
                  .by(retryIn)
                  .chain(() -> send(failed, next));
            });
  }

  /** The records the broker did not acknowledge, once every one has an answer. */
  private Uni<List<ProducerRecord<String, byte[]>>> attempt(
      List<ProducerRecord<String, byte[]>> records) {
    CompletableFuture<List<ProducerRecord<String, byte[]>>> answered = new CompletableFuture<>();
    List<ProducerRecord<String, byte[]>> failed = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger pending = new AtomicInteger(records.size());
    return producer()
        .runOnSendingThread(
            (Producer<String, byte[]> kafka) -> {
              for (ProducerRecord<String, byte[]> record : records) {
                sendOne(kafka, record, failed, pending, answered);
              }
            })
        .chain(() -> Uni.createFrom().completionStage(answered));
  }

  private static void sendOne(
      Producer<String, byte[]> kafka,
      ProducerRecord<String, byte[]> record,
      List<ProducerRecord<String, byte[]>> failed,
      AtomicInteger pending,
      CompletableFuture<List<ProducerRecord<String, byte[]>>> answered) {
    try {
      kafka.send(
          record,
          (metadata, error) -> {
            if (error != null) {
              failed.add(record);
            }
            if (pending.decrementAndGet() == 0) {
              answered.complete(List.copyOf(failed));
            }
          });
    } catch (RuntimeException e) { // e.g. the buffer stayed full past max.block.ms
      failed.add(record);
      if (pending.decrementAndGet() == 0) {
        answered.complete(List.copyOf(failed));
      }
    }
  }

  private KafkaProducer<String, byte[]> producer() {
    if (producer == null) {
      producer = clients.getProducer(channel);
    }
    return producer;
  }
}
