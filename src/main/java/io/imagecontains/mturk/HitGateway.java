package io.imagecontains.mturk;

import io.imagecontains.task.TaskJson;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The MTurk gateway: reads the core's commands from the hit-commands topic in batches, carries each
 * out at MTurk ({@link HitCalls}) and writes what happened to the hit-events topic ({@link
 * HitEventSender}). A batch is acknowledged, and its offsets committed, only once every event of it
 * is on the broker: a crash repeats commands rather than loses them, which their request tokens
 * make harmless.
 *
 * <p>Concurrency: commands of one task run in order (an Approve before the DeleteHit that needs
 * it); different tasks run side by side, {@code mturk.max-concurrency} at a time, each with at most
 * one MTurk call in flight, all paced together by the {@link CallPacer}. Batches suit a modest
 * rate: a poll's commands are started together instead of one round trip each.
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
  private final int maxConcurrency;

  public HitGateway(
      HitCalls calls, HitEventSender events, MTurkMetrics metrics, MTurkConfig config) {
    this.calls = calls;
    this.events = events;
    this.metrics = metrics;
    this.maxConcurrency = Math.max(1, config.maxConcurrency());
  }

  @Incoming(CHANNEL)
  public Uni<Void> execute(ConsumerRecords<String, byte[]> batch) {
    if (batch.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(byTask(batch))
        .onItem()
        .transformToUni(this::executeInOrder)
        .merge(maxConcurrency)
        .onItem()
        .ignoreAsUni();
  }

  /** The batch's readable commands, grouped by task, each group in offset order. */
  private List<List<HitCommand>> byTask(ConsumerRecords<String, byte[]> batch) {
    Map<String, List<HitCommand>> groups = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : batch) {
      HitCommand command = read(record);
      if (command != null) {
        groups.computeIfAbsent(command.taskKey(), k -> new ArrayList<>()).add(command);
      }
    }
    return List.copyOf(groups.values());
  }

  private Uni<Void> executeInOrder(List<HitCommand> commands) {
    return Multi.createFrom()
        .iterable(commands)
        .onItem()
        .transformToUniAndConcatenate(this::executeOne)
        .onItem()
        .ignoreAsUni();
  }

  private Uni<Void> executeOne(HitCommand command) {
    return calls.execute(command).chain(events::send);
  }

  /** The command, or null (logged and counted) when the record is not one. */
  HitCommand read(ConsumerRecord<String, byte[]> record) {
    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
    if (record.value() == null) {
      return unreadable(where, "no value");
    }
    try {
      HitCommand command = TaskJson.MAPPER.readValue(record.value(), HitCommand.class);
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
