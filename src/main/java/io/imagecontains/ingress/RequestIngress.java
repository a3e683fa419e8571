package io.imagecontains.ingress;

import io.imagecontains.task.Source;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the public requests topic in batches, validates each record and routes it: valid commands
 * to the core (task-commands topic, keyed {@code function/taskName}), refusals to the rejections
 * topic. The batch is acknowledged — and its offsets committed — only once every record of it is on
 * the broker, so a crash re-reads rather than loses; the core treats a re-read put as the same put.
 * Nothing here blocks: parsing is CPU work of microseconds per record.
 */
@ApplicationScoped
public class RequestIngress {

  /** Channel of the public requests topic (mapped in application.properties). */
  public static final String CHANNEL = "requests";

  static final int MAX_KEY_ECHO_BYTES = 256;

  private final RequestParser parser;
  private final TaskCommandSender commands;
  private final RejectionSender rejections;
  private final RequestMetrics metrics;
  private final Clock clock;

  public RequestIngress(
      RequestParser parser,
      TaskCommandSender commands,
      RejectionSender rejections,
      RequestMetrics metrics,
      Clock clock) {
    this.parser = parser;
    this.commands = commands;
    this.rejections = rejections;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Incoming(CHANNEL)
  public Uni<Void> route(ConsumerRecords<byte[], byte[]> batch) {
    List<Uni<Void>> sends = new ArrayList<>(batch.count());
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      sends.add(routeOne(record));
    }
    if (sends.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Uni.join().all(sends).andFailFast().replaceWithVoid();
  }

  private Uni<Void> routeOne(ConsumerRecord<byte[], byte[]> record) {
    Source source =
        new Source(
            Source.KAFKA,
            record.topic(),
            record.partition(),
            record.offset(),
            keyText(record.key()));
    RequestParser.Outcome outcome =
        parser.parse(record.value(), source, commandId(record), clock.millis());
    if (outcome instanceof RequestParser.Accepted accepted) {
      metrics.accepted(Source.KAFKA);
      return commands.send(accepted.command());
    }
    RequestParser.Rejected rejected = (RequestParser.Rejected) outcome;
    metrics.refused(Source.KAFKA, rejected.rejection().code());
    return rejections.send(rejected.rejection());
  }

  /** Derived from the record's position, so a re-read record carries the same command id. */
  static String commandId(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  /** The producer's key as text, for correlation; cut short, since keys are untrusted too. */
  static String keyText(byte[] key) {
    if (key == null) {
      return null;
    }
    byte[] head = key.length > MAX_KEY_ECHO_BYTES ? Arrays.copyOf(key, MAX_KEY_ECHO_BYTES) : key;
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(head)).toString();
    } catch (CharacterCodingException e) {
      text = "base64:" + Base64.getEncoder().encodeToString(head);
    }
    return head == key ? text : text + "…";
  }
}
