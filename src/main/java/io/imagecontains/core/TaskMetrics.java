package io.imagecontains.core;

import io.imagecontains.task.RefusalCode;
import io.imagecontains.task.Task;
import io.imagecontains.task.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the core counts: tasks entering each state by function ({@code
 * image_contains_tasks_total{function, state}}), deletions, the core's refusals, calls asked of the
 * MTurk gateway by command, HIT events for tasks that are gone, and records it could not read. For
 * each finished task: the answers it took ({@code image_contains_task_answers{function, state}})
 * and the time from the core's accepting its put to its final view ({@code
 * image_contains_task_latency_seconds{function, state}}).
 */
public class TaskMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Map<TaskState, Counter>> entered = new ConcurrentHashMap<>();
  private final Map<String, DistributionSummary> answers = new ConcurrentHashMap<>();
  private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

  private final Timer fits;
  private final AtomicInteger knownWorkers = new AtomicInteger();

  public TaskMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.fits =
        Timer.builder("image_contains_reliability_fit_seconds")
            .description("Fits of worker reliability to the recent answers of a partition")
            .register(registry);
    Gauge.builder("image_contains_reliability_workers", knownWorkers, AtomicInteger::get)
        .description("Workers known to the last fit of worker reliability (any partition)")
        .register(registry);
  }

  /** Counted for every view: looked up by function and state, without building a key. */
  void entered(Task task) {
    entered
        .computeIfAbsent(task.function(), f -> new ConcurrentHashMap<>())
        .computeIfAbsent(
            task.state(),
            s ->
                registry.counter(
                    "image_contains_tasks", "function", task.function(), "state", s.publicName()))
        .increment();
    if (task.state().isFinished()) {
      finished(task, task.state().publicName());
    }
  }

  private void finished(Task task, String state) {
    String id = task.function() + "/" + state;
    if (task.work() != null) {
      answers
          .computeIfAbsent(
              id,
              k ->
                  DistributionSummary.builder("image_contains_task_answers")
                      .description("Answers a task took until it finished")
                      .tags("function", task.function(), "state", state)
                      .serviceLevelObjectives(1, 2, 3, 4, 5, 6, 7, 8, 9)
                      .register(registry))
          .record(task.work().received());
    }
    latencies
        .computeIfAbsent(
            id,
            k ->
                Timer.builder("image_contains_task_latency_seconds")
                    .description("From the core accepting a task's put to its final view")
                    .tags("function", task.function(), "state", state)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofDays(1))
                    .register(registry))
        .record(Math.max(0, task.updatedAt() - task.createdAt()), TimeUnit.MILLISECONDS);
  }

  /** A fit of worker reliability: how long it took, and how many workers it knows. */
  void reliabilityFitted(long nanos, int workers) {
    fits.record(nanos, TimeUnit.NANOSECONDS);
    knownWorkers.set(workers);
  }

  void deleted(String function) {
    count("image_contains_tasks_deleted", "function", function);
  }

  void refused(RefusalCode code) {
    count("image_contains_core_refusals", "code", code.code());
  }

  void hitCommand(io.imagecontains.mturk.HitCommand command) {
    count("image_contains_hit_commands", "command", command.getClass().getSimpleName());
  }

  /** An event for a task that no longer exists (deleted while its HIT was still reporting). */
  void orphanEvent(io.imagecontains.mturk.HitEvent event) {
    count("image_contains_orphan_hit_events", "event", event.getClass().getSimpleName());
  }

  void unreadableCommand() {
    count("image_contains_core_unreadable_commands");
  }

  private void count(String name, String... tags) {
    String id = name + String.join(",", tags);
    counters.computeIfAbsent(id, k -> registry.counter(name, tags)).increment();
  }
}
