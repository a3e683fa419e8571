package io.imagecontains.workforce.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time that runs {@code scale} times faster than a base clock: with a scale of 60, one
 * simulated hour passes in one real minute. Simulated time starts at the base clock's instant when
 * the clock is created, so timestamps stay plausible (near "now") in every response.
 */
public final class ScaledClock extends Clock {
  private final Clock base;
  private final double scale;
  private final Instant realOrigin;

  public ScaledClock(Clock base, double scale) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("time scale must be positive: " + scale);
    }
    this.base = base;
    this.scale = scale;
    this.realOrigin = base.instant();
  }

  /** Simulated time starting now, driven by the system clock. */
  public static Clock ofSystem(double scale) {
    return scale == 1.0 ? Clock.systemUTC() : new ScaledClock(Clock.systemUTC(), scale);
  }

  @Override
  public Instant instant() {
    long realNanos = Duration.between(realOrigin, base.instant()).toNanos();
    return realOrigin.plusNanos(Math.round(realNanos * scale));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("simulated time is always UTC");
  }

  public double scale() {
    return scale;
  }
}
