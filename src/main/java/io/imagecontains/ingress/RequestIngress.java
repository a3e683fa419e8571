package io.imagecontains.ingress;

import io.imagecontains.task.Rejection;
import io.imagecontains.task.Source;
import io.imagecontains.task.TaskCommand;
import io.imagecontains.task.TaskMdc;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

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

  private static final Logger LOG = Logger.getLogger(RequestIngress.class);

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
    List<TaskCommand> accepted = new ArrayList<>(batch.count());
    List<Rejection> refused = new ArrayList<>();
    long now = clock.millis();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      RequestParser.Outcome outcome = parse(record, now);
      if (outcome instanceof RequestParser.Accepted ok) {
        accepted.add(ok.command());
      } else {
        refused.add(((RequestParser.Rejected) outcome).rejection());
      }
    }
    metrics.accepted(Source.KAFKA, accepted.size());
    refused.forEach(r -> metrics.refused(Source.KAFKA, r.code()));
    refused.forEach(RequestIngress::logRefusal);
    return Uni.join()
        .all(commands.sendAll(accepted), rejections.sendAll(refused))
        .andFailFast()
        .replaceWithVoid();
  }

  /**
   * Debug only: a hostile producer must not be able to flood the log (the rejections topic and
   * {@code image_contains_requests_total} have every refusal). The code and position, never the
   * record's text; the task key, when valid, in the MDC.
   */
  private static void logRefusal(Rejection rejection) {
    if (LOG.isDebugEnabled()) {
      try (TaskMdc mdc = TaskMdc.of(rejection.kafkaKey())) {
        Source at = rejection.source();
        LOG.debugf(
            "Refused %s at %s-%d@%d",
            rejection.code().code(), at.topic(), at.partition(), at.offset());
      }
    }
  }

  private RequestParser.Outcome parse(ConsumerRecord<byte[], byte[]> record, long now) {
    Source source =
        new Source(
            Source.KAFKA,
            record.topic(),
            record.partition(),
            record.offset(),
            keyText(record.key()));
    return parser.parse(record.value(), source, commandId(record), now);
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
      text = JsonDocument.decodeUtf8(head);
    } catch (CharacterCodingException e) {
      text = "base64:" + Base64.getEncoder().encodeToString(head);
    }
    return head == key ? text : text + "…";
  }
}
