package io.imagecontains.mturk;

import io.imagecontains.task.TaskJson;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The MTurk gateway: reads the core's commands from the hit-commands topic in batches, carries each
 * out at MTurk ({@link HitCalls}) and writes what happened to the hit-events topic ({@link
 * HitEventSender}). A batch is acknowledged only once every event of it is on the broker, and
 * offsets are committed only up to the oldest batch not yet acknowledged: a crash repeats commands
 * rather than loses them, which their request tokens make harmless.
 *
 * <p>Concurrency: batches do not wait for each other. Their commands go into a {@link
 * CommandWindow}: commands of one task run in order, different tasks side by side, {@code
 * mturk.max-concurrency} at a time, all paced together by the {@link CallPacer}; the next batch is
 * taken as soon as fewer than {@code mturk.max-queued-commands} are waiting. So a command stuck in
 * retries delays only its own task.
 *
 * <p>It never stops on a bad command: an unreadable record is logged, counted and skipped, and a
 * failing call becomes a {@link HitEvent.CallFailed}.
 */
@ApplicationScoped
public class HitGateway {

  /** Channel of the internal hit-commands topic (mapped in application.properties). */
  public static final String CHANNEL = "hit-commands";

  private static final Logger LOG = Logger.getLogger(HitGateway.class);

  private final HitCalls calls;
  private final HitEventSender events;
  private final MTurkMetrics metrics;
  private final CommandWindow window;

  public HitGateway(
      HitCalls calls, HitEventSender events, MTurkMetrics metrics, MTurkConfig config) {
    this.calls = calls;
    this.events = events;
    this.metrics = metrics;
    this.window =
        new CommandWindow(Math.max(1, config.maxConcurrency()), config.maxQueuedCommands());
    metrics.queuedCommands(window::size);
  }

  @Incoming(CHANNEL)
  public CompletionStage<Void> execute(KafkaRecordBatch<String, byte[]> batch) {
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (KafkaRecord<String, byte[]> record : batch) {
      HitCommand command =
          read(
              record.getTopic(),
              record.getPartition(),
              record instanceof IncomingKafkaRecord<?, ?> in ? in.getOffset() : -1,
              record.getPayload());
      if (command != null) {
        done.add(window.submit(command.taskKey(), () -> executeOne(command)));
      }
    }
    // executeOne never fails: a failed call is an event, and sending one retries until it is out.
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
        .whenComplete((ignored, error) -> batch.ack());
    return window.room();
  }

  private CompletionStage<Void> executeOne(HitCommand command) {
    if (command instanceof HitCommand.ExcludeWorker exclude) {
      return calls.exclude(exclude).subscribeAsCompletionStage();
    }
    return calls.execute(command).chain(events::send).subscribeAsCompletionStage();
  }

  /** The command, or null (logged and counted) when the record is not one. */
  HitCommand read(String topic, int partition, long offset, byte[] value) {
    String where = topic + "-" + partition + "@" + offset;
    if (value == null) {
      return unreadable(where, "no value");
    }
    try {
      HitCommand command = TaskJson.MAPPER.readValue(value, HitCommand.class);
      if (command == null || command.taskKey() == null || command.taskKey().isBlank()) {
        return unreadable(where, "no taskKey");
      }
      return command;
    } catch (IOException | RuntimeException e) {
      return unreadable(where, e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
    }
  }

  private HitCommand unreadable(String where, String why) {
    metrics.unreadableCommand();
    LOG.warnf("Skipping unreadable hit command at %s: %s", where, why);
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
