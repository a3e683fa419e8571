package io.imagecontains.mturk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Paces every MTurk call of this instance: a token bucket (one second's worth of burst) whose rate
 * adapts AIMD-style. Calls are judged by interval ({@code backoff.recovery-interval}, run on until
 * it holds at least {@value #MIN_JUDGED} calls, so one unlucky call is never a verdict): an
 * interval in which at least {@code backoff.overload-share} of the calls were throttled or failed
 * with a 5xx multiplies the rate by {@code backoff.decrease-factor} (down to {@code
 * backoff.min-rate}) — at once after {@value #CLEAR_RUN} refusals in a row — ; an interval with
 * under half that share raises it by {@code backoff.recovery-step}, up to {@code mturk.rate-limit};
 * anything between holds it. A rate limit refuses most calls once it is exceeded, so the rate comes
 * down quickly; scattered faults (a fifth of the calls, say) are left to each call's own retries
 * and do not keep it down. Also computes the jittered, exponential delay before a call's next
 * attempt. Time comes from the injected clock, so tests move the clock instead of sleeping.
 * Thread-safe (synchronized; every method is a few arithmetic ops).
 */
public final class CallPacer {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /**
   * Calls an interval needs before it is judged; a shorter one runs on into the next. Twenty, so
   * that scattered faults (a quarter of the calls, say) make half of an interval only by rare bad
   * luck (1.4% at twenty calls, far less at more).
   */
  static final int MIN_JUDGED = 20;

  /**
   * Refusals in a row that slow down at once. A rate limit that is exceeded refuses nearly every
   * call, so such a run comes within a fraction of a second; scattered faults make one only by bad
   * luck (a quarter refused at random: once in a million calls). Five, counted as most of the
   * interval's calls so far, came by chance every few seconds at a hundred calls a second, and the
   * halvings it caused outran the recovery: the rate sank below 10 calls/s under random faults.
   */
  static final int CLEAR_RUN = 10;

  private final Clock clock;
  private final double maxRate;
  private final MTurkConfig.Backoff backoff;
  private final DoubleSupplier random;

  private double rate;

  /** GCRA's theoretical arrival time of the next call, in nanos since the epoch. */
  private long nextSlot = Long.MIN_VALUE;

  /** Start of the interval being counted, and its calls and overloaded calls so far. */
  private long windowStart;

  private int calls;
  private int overloads;
  private int refusedInARow;
  private boolean decreased;

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
    this.windowStart = nanos(clock.instant());
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

  /** A call went through. */
  public synchronized void succeeded() {
    count(false);
  }

  /** MTurk said slow down (throttling) or could not cope (5xx). */
  public synchronized void overloaded() {
    count(true);
  }

  private void count(boolean overloaded) {
    long now = nanos(clock.instant());
    if (now - windowStart >= backoff.recoveryInterval().toNanos() && calls >= MIN_JUDGED) {
      judge();
      windowStart = now;
    }
    calls++;
    overloads += overloaded ? 1 : 0;
    refusedInARow = overloaded ? refusedInARow + 1 : 0;
    if (overloaded && !decreased && refusedInARow >= CLEAR_RUN) {
      slowDown(); // a clear run of refusals: no need to wait for the interval to end
    }
  }

  private boolean mostlyRefused() {
    return overloads >= backoff.overloadShare() * calls;
  }

  private void slowDown() {
    rate = Math.max(backoff.minRate(), rate * backoff.decreaseFactor());
    decreased = true;
  }

  /**
   * Ends the interval: slow down if it was mostly refused; speed up if refusals stayed under half
   * that share (scattered faults must not keep the rate down for ever); else hold.
   */
  private void judge() {
    if (!decreased && mostlyRefused()) {
      slowDown();
    } else if (overloads < backoff.overloadShare() / 2 * calls) {
      rate = Math.min(maxRate, rate + backoff.recoveryStep());
    }
    calls = 0;
    overloads = 0;
    decreased = false;
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
