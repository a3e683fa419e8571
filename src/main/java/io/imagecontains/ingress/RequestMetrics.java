package io.imagecontains.ingress;

import io.imagecontains.task.RefusalCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts requests by interface and outcome: {@code image_contains_requests_total{via, outcome,
 * code}}. A rising refused count is the first sign a producer is sending bad records.
 */
@ApplicationScoped
public class RequestMetrics {

  static final String NAME = "image_contains_requests";

  private final MeterRegistry registry;
  private final Map<String, Counter> accepted = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Map<RefusalCode, Counter>> refused =
      new java.util.concurrent.ConcurrentHashMap<>();

  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void accepted(String via) {
    accepted(via, 1);
  }

  public void accepted(String via, int count) {
    accepted
        .computeIfAbsent(
            via, v -> registry.counter(NAME, "via", v, "outcome", "accepted", "code", "none"))
        .increment(count);
  }

  public void refused(String via, RefusalCode code) {
    refused.computeIfAbsent(via, this::refusalCounters).get(code).increment();
  }

  private Map<RefusalCode, Counter> refusalCounters(String via) {
    Map<RefusalCode, Counter> counters = new EnumMap<>(RefusalCode.class);
    for (RefusalCode code : RefusalCode.values()) {
      counters.put(
          code, registry.counter(NAME, "via", via, "outcome", "refused", "code", code.code()));
    }
    return counters;
  }
}
