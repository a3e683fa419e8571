package io.imagecontains.workforce.protocol;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts Requester API calls as received (every SDK retry counts), by operation and by outcome, so
 * tests and benchmarks can report calls per task and prove retries happened. Thread-safe.
 */
public final class CallStats {
  /** How a call ended. */
  public enum Outcome {
    OK,
    REQUEST_ERROR,
    THROTTLED,
    SERVICE_FAULT,
    LOST_RESPONSE,
    REFUSED
  }

  private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
  private final Map<Outcome, LongAdder> byOutcome = new ConcurrentHashMap<>();

  void record(String operation, Outcome outcome) {
    byOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
    byOutcome.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }

  /** Calls received per operation name (e.g. {@code CreateHIT}), sorted by name. */
  public Map<String, Long> byOperation() {
    Map<String, Long> copy = new TreeMap<>();
    byOperation.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  public Map<Outcome, Long> byOutcome() {
    Map<Outcome, Long> copy = new TreeMap<>();
    byOutcome.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  public long calls(String operation) {
    LongAdder n = byOperation.get(operation);
    return n == null ? 0 : n.sum();
  }

  public void reset() {
    byOperation.clear();
    byOutcome.clear();
  }
}
