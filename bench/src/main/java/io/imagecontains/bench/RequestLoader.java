package io.imagecontains.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes N put requests into a topic as fast as the broker takes them (not a timed phase). */
final class RequestLoader {

  private RequestLoader() {}

  /** Returns the seconds it took; fails if any record was not acknowledged. */
  static double load(String bootstrap, String topic, String namePrefix, int count)
      throws Exception {
    AtomicReference<Exception> failure = new AtomicReference<>();
    Map<String, Object> bulk =
        Map.of(ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(Clients.producer(bootstrap, "bench-loader", bulk))) {
      for (int i = 0; i < count && failure.get() == null; i++) {
        String name = Requests.taskName(namePrefix, i);
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        producer.send(
            new ProducerRecord<>(topic, key, Requests.putRequest(name, i)),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("loading " + topic + " failed", failure.get());
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
