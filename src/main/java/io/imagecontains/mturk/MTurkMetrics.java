package io.imagecontains.mturk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the gateway costs and how MTurk treats it: {@code
 * image_contains_mturk_calls_total{operation, outcome}}, {@code
 * image_contains_mturk_throttles_total}, {@code image_contains_malformed_answers_total}, {@code
 * image_contains_unreadable_hit_commands_total} and {@code image_contains_hit_cost_dollars_total}
 * (rewards of approved assignments plus MTurk's fee), {@code
 * image_contains_worker_exclusions_total{outcome}}, and the time of each attempt, {@code
 * image_contains_mturk_call_seconds{operation}}.
 */
@ApplicationScoped
public class MTurkMetrics {

  static final String CALLS = "image_contains_mturk_calls";
  static final String LATENCY = "image_contains_mturk_call_seconds";
  static final String THROTTLES = "image_contains_mturk_throttles";
  static final String MALFORMED = "image_contains_malformed_answers";
  static final String UNREADABLE = "image_contains_unreadable_hit_commands";
  static final String COST = "image_contains_hit_cost_dollars";
  static final String QUEUED = "image_contains_gateway_queued_commands";
  static final String RATE = "image_contains_mturk_call_rate";
  static final String EXCLUSIONS = "image_contains_worker_exclusions";

  /** Outcome of one attempt of one call (the {@code outcome} tag). */
  public enum Outcome {
    OK,
    THROTTLED,
    SERVER_ERROR,
    CLIENT_ERROR,
    /** No answer from MTurk: connection refused or reset, attempt timed out. */
    NETWORK_ERROR;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Assignments whose malformed answer was counted already: a poll re-reads them every time. */
  private static final int REMEMBERED_MALFORMED = 10_000;

  private final MeterRegistry registry;
  private final Map<String, Counter> calls = new ConcurrentHashMap<>();
  private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
  private final Counter throttles;
  private final Counter malformed;
  private final Counter unreadable;
  private final Counter cost;
  private final Set<String> malformedSeen =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > REMEMBERED_MALFORMED;
                }
              }));

  public MTurkMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.throttles = registry.counter(THROTTLES);
    this.malformed = registry.counter(MALFORMED);
    this.unreadable = registry.counter(UNREADABLE);
    this.cost = registry.counter(COST);
  }

  public void call(String operation, Outcome outcome) {
    calls
        .computeIfAbsent(
            operation + "/" + outcome,
            k -> registry.counter(CALLS, "operation", operation, "outcome", outcome.tag()))
        .increment();
    if (outcome == Outcome.THROTTLED) {
      throttles.increment();
    }
  }

  /**
   * Time MTurk took to answer one attempt (whatever the answer), waiting for the pacer excluded.
   */
  public void latency(String operation, long nanos) {
    latencies
        .computeIfAbsent(
            operation,
            op ->
                Timer.builder(LATENCY)
                    .tag("operation", op)
                    .publishPercentileHistogram()
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts a malformed answer once per assignment (as far as this instance remembers). */
  public void malformedAnswer(String assignmentId) {
    if (malformedSeen.add(assignmentId)) {
      malformed.increment();
    }
  }

  public void unreadableCommand() {
    unreadable.increment();
  }

  /** The calls per second the pacer allows now (below the limit while MTurk throttles). */
  public void callRate(java.util.function.DoubleSupplier rate) {
    io.micrometer.core.instrument.Gauge.builder(RATE, rate::getAsDouble).register(registry);
  }

  /** The gateway's commands read and not yet done (waiting for their task, a slot, or MTurk). */
  public void queuedCommands(java.util.function.IntSupplier size) {
    io.micrometer.core.instrument.Gauge.builder(QUEUED, size::getAsInt).register(registry);
  }

  /** A worker excluded from our HITs ({@code outcome} excluded), or an attempt that failed. */
  public void exclusion(String outcome) {
    registry.counter(EXCLUSIONS, "outcome", outcome).increment();
  }

  /** An assignment we approved: its reward plus MTurk's fee, 20% and at least one cent. */
  public void approved(BigDecimal reward) {
    cost.increment(withFee(reward).doubleValue());
  }

  static BigDecimal withFee(BigDecimal reward) {
    BigDecimal fee =
        reward
            .multiply(new BigDecimal("0.20"))
            .setScale(2, RoundingMode.HALF_UP)
            .max(new BigDecimal("0.01"));
    return reward.add(fee);
  }
}
