package io.imagecontains.workforce.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to. Tests and benchmarks drive the simulator with it, so hours
 * of worker latency, expiry and auto-approval pass in one call instead of a sleep. Thread-safe.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("time does not run backwards: " + by);
    }
    now.updateAndGet(t -> t.plus(by));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("simulated time is always UTC");
  }
}
