package io.imagecontains.mturk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Paces every MTurk call of this instance: a token bucket (one second's worth of burst) whose rate
 * adapts AIMD-style — halved (by {@code backoff.decrease-factor}) on throttling or a 5xx, at most
 * once per {@code backoff.recovery-interval}, and raised by {@code backoff.recovery-step} per
 * interval of successful calls, up to {@code mturk.rate-limit}. Also computes the jittered,
 * exponential delay before a call's next attempt. Time comes from the injected clock, so tests move
 * the clock instead of sleeping. Thread-safe (synchronized; every method is a few arithmetic ops).
 */
public final class CallPacer {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Clock clock;
  private final double maxRate;
  private final MTurkConfig.Backoff backoff;
  private final DoubleSupplier random;

  private double rate;

  /** GCRA's theoretical arrival time of the next call, in nanos since the epoch. */
  private long nextSlot = Long.MIN_VALUE;

  private long lastChange;
  private long lastDecrease;

  public CallPacer(
      Clock clock, double maxRate, MTurkConfig.Backoff backoff, DoubleSupplier random) {
    if (!(maxRate > 0) || !(backoff.minRate() > 0) || backoff.minRate() > maxRate) {
      throw new IllegalArgumentException("need 0 < backoff.min-rate <= rate-limit");
    }
    this.clock = clock;
    this.maxRate = maxRate;
    this.backoff = backoff;
    this.random = random;
    this.rate = maxRate;
    this.lastChange = nanos(clock.instant());
    this.lastDecrease = lastChange - backoff.recoveryInterval().toNanos();
  }

  /**
   * Takes the next call slot and says how long to wait before using it (zero while the bucket has
   * tokens). Every caller gets a distinct slot, so waiting callers never stampede.
   */
  public synchronized Duration reserve() {
    long now = nanos(clock.instant());
    long interval = (long) (NANOS_PER_SECOND / rate);
    long burstWindow = interval * (burst() - 1);
    long due = Math.max(nextSlot, now);
    nextSlot = due + interval;
    return Duration.ofNanos(Math.max(0, due - burstWindow - now));
  }

  /** A call went through: after a full interval without trouble, speed up by one step. */
  public synchronized void succeeded() {
    long now = nanos(clock.instant());
    if (rate < maxRate && now - lastChange >= backoff.recoveryInterval().toNanos()) {
      rate = Math.min(maxRate, rate + backoff.recoveryStep());
      lastChange = now;
    }
  }

  /** MTurk said slow down (throttling) or could not cope (5xx): slow down, once per interval. */
  public synchronized void overloaded() {
    long now = nanos(clock.instant());
    if (now - lastDecrease < backoff.recoveryInterval().toNanos()) {
      return; // the calls already in flight fail too: one overload must not collapse the rate
    }
    rate = Math.max(backoff.minRate(), rate * backoff.decreaseFactor());
    lastDecrease = now;
    lastChange = now;
  }

  /** Calls per second allowed now. */
  public synchronized double currentRate() {
    return rate;
  }

  /**
   * Delay before attempt {@code attempt + 1} of a call that failed {@code attempt} times (1-based):
   * {@code initial × 2^(attempt−1)}, capped at {@code max}, of which a {@code jitter} share is
   * drawn at random so that retries of many calls spread out.
   */
  public Duration retryDelay(int attempt) {
    double base =
        Math.min(
            backoff.max().toNanos(),
            backoff.initial().toNanos() * Math.pow(2, Math.max(0, attempt - 1)));
    double jitter = Math.min(1, Math.max(0, backoff.jitter()));
    double delay = base * (1 - jitter) + base * jitter * random.getAsDouble();
    return Duration.ofNanos((long) delay);
  }

  /** One second of calls at the current rate, at least one. */
  private int burst() {
    return Math.max(1, (int) Math.floor(rate));
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * NANOS_PER_SECOND + t.getNano();
  }
}
