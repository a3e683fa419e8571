package io.imagecontains.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A plain Kafka producer and a read_committed consumer, as a user of the service would have them:
 * tests talk to the service only through its topics.
 */
public final class TopicClient implements AutoCloseable {

  /** The largest record this client can produce. */
  public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

  public TopicClient(String... topicsToRead) {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                // Room for hostile multi-MB records (HostileInputTest); the topic must allow them.
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                MAX_RECORD_BYTES,
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                4L * MAX_RECORD_BYTES),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    consumer.subscribe(List.of(topicsToRead));
  }

  public void send(String topic, byte[] key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot produce to " + topic, e);
    }
  }

  /** Sends without waiting; the record's partition and offset arrive in the future. */
  public Future<RecordMetadata> sendAsync(String topic, String key, byte[] value) {
    return producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(), value));
  }

  public void send(String topic, String key, String value) {
    send(topic, key == null ? null : key.getBytes(), value == null ? null : value.getBytes());
  }

  /** Everything read so far, after one more poll; call it from an Awaitility condition. */
  public List<ConsumerRecord<String, byte[]>> poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    return seen;
  }

  @Override
  public void close() {
    producer.close();
    consumer.close();
  }
}
