package io.imagecontains.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The baseline: a plain consumer→producer copy from one topic to another on the same broker, with
 * default client settings, acks=all and an idempotent producer, no transactions. It is the
 * fastest a single JVM can move these records through this broker on this machine.
 */
final class Passthrough {

  /**
   * Records copied, the time from the first record polled to the last one acknowledged, and the
   * CPU time this JVM used for the whole copy (consumer, producer and their network threads).
   */
  record Result(int records, long nanos, long cpuNanos) {
    double perSecond() {
      return records / (nanos / 1e9);
    }
  }

  static long ownCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private Passthrough() {}

  static Result copy(String bootstrap, String in, String out, int count, Duration timeout)
      throws Exception {
    long cpuBefore = ownCpuNanos();
    AtomicInteger acked = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(Clients.consumer(bootstrap, "bench-passthrough"));
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(Clients.producer(bootstrap, "bench-passthrough", Map.of()))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(in).stream()
              .map(p -> new TopicPartition(in, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      long first = 0;
      int copied = 0;
      while (copied < count && failure.get() == null) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "pass-through copied only " + copied + " of " + count + " records in " + timeout);
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
        if (first == 0 && !records.isEmpty()) {
          first = System.nanoTime();
        }
        for (ConsumerRecord<byte[], byte[]> r : records) {
          producer.send(
              new ProducerRecord<>(out, r.partition(), r.key(), r.value()),
              (metadata, e) -> {
                if (e != null) {
                  failure.compareAndSet(null, e);
                } else {
                  acked.incrementAndGet();
                }
              });
          copied++;
        }
      }
      producer.flush();
      long end = System.nanoTime();
      if (failure.get() != null || acked.get() < count) {
        throw new IllegalStateException(
            "pass-through: " + acked.get() + " of " + count + " acknowledged", failure.get());
      }
      return new Result(count, end - first, ownCpuNanos() - cpuBefore);
    }
  }
}
