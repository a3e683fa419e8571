package io.imagecontains.core;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The poll backlog, read from this instance's {@code due} store through interactive queries at each
 * scrape: {@code image_contains_due_tasks} (tasks with HIT work scheduled, approximate), {@code
 * image_contains_overdue_tasks} (wake-ups whose time has passed, counted up to {@value
 * #MAX_COUNTED}) and {@code image_contains_poll_lag_seconds} (how late the oldest of them is). The
 * core wakes due tasks every {@code core.tick}, so a lag that grows past a few ticks means it
 * cannot keep up ({@code core.max-wakeups-per-tick}) or is stuck. NaN while the store is not
 * queryable (starting, rebalancing).
 */
@ApplicationScoped
public class PollBacklog {

  static final String DUE = "image_contains_due_tasks";
  static final String OVERDUE = "image_contains_overdue_tasks";
  static final String LAG = "image_contains_poll_lag_seconds";

  /** A scrape must stay cheap however large the backlog: beyond this, the count is a floor. */
  static final int MAX_COUNTED = 100_000;

  private final KafkaStreams streams;
  private final Clock clock;

  public PollBacklog(KafkaStreams streams, Clock clock) {
    this.streams = streams;
    this.clock = clock;
  }

  void register(@Observes StartupEvent event, MeterRegistry registry) {
    PollBacklog self = this;
    Gauge.builder(DUE, self, PollBacklog::scheduled)
        .description("Tasks with a scheduled wake-up in this instance's due store (approximate)")
        .register(registry);
    Gauge.builder(OVERDUE, self, b -> b.overdue().count())
        .description("Scheduled wake-ups whose time has passed")
        .register(registry);
    Gauge.builder(LAG, self, b -> b.overdue().lagSeconds())
        .description("How late the oldest overdue wake-up is")
        .baseUnit("seconds")
        .register(registry);
  }

  double scheduled() {
    try {
      return store().approximateNumEntries();
    } catch (InvalidStateStoreException | IllegalStateException e) {
      return Double.NaN;
    }
  }

  /** The wake-ups due by now. The store spans this instance's partitions, each sorted by time. */
  Overdue overdue() {
    long now = clock.millis();
    try (KeyValueIterator<String, String> due =
        store().range(DueIndex.entry(0, ""), DueIndex.entry(now, "\uffff"))) {
      long count = 0;
      long oldest = now;
      while (due.hasNext() && count < MAX_COUNTED) {
        oldest = Math.min(oldest, Long.parseLong(due.next().key.substring(0, 16)));
        count++;
      }
      return new Overdue(count, (now - oldest) / 1000.0);
    } catch (InvalidStateStoreException | IllegalStateException e) {
      return new Overdue(Double.NaN, Double.NaN);
    }
  }

  record Overdue(double count, double lagSeconds) {}

  private ReadOnlyKeyValueStore<String, String> store() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            TaskTopology.DUE_STORE, QueryableStoreTypes.<String, String>keyValueStore()));
  }
}
