package io.imagecontains.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to poll a HIT for answers next: exponential backoff with jitter, reset when new answers
 * arrive. Answers come in bursts after a HIT is created or extended and then trickle, so early
 * polls are frequent and later ones sparse; the jitter keeps HITs created together from polling
 * together. Pure: the caller keeps the attempt number in the task's state and passes the random
 * source (seeded in tests), so the schedule is reproducible.
 *
 * @param initial the wait before the first poll after a HIT was created, extended, or answered
 * @param max no wait is longer, jitter included
 * @param factor growth of the wait per poll that brought nothing new (≥ 1)
 * @param jitter fraction in [0, 1) of each wait that is randomly taken off
 */
public record PollBackoff(Duration initial, Duration max, double factor, double jitter) {

  public PollBackoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial ≤ max");
    }
    if (!(factor >= 1) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be ≥ 1");
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1)");
    }
  }

  /**
   * The attempt number of the next poll: back to 0 when the last poll brought new answers (the HIT
   * is active again), one more otherwise.
   */
  public static int nextAttempt(int attempt, boolean newAnswers) {
    return newAnswers ? 0 : Math.max(0, attempt) + 1;
  }

  /**
   * The wait before poll number {@code attempt} (0 for the first): {@code initial · factor^attempt}
   * capped at {@code max}, less a random share of up to {@code jitter} of it.
   */
  public Duration delay(int attempt, RandomGenerator random) {
    double cap = max.toMillis();
    double base = Math.min(cap, initial.toMillis() * Math.pow(factor, Math.max(0, attempt)));
    double jittered = base * (1 - jitter * random.nextDouble());
    return Duration.ofMillis(Math.max(1, Math.round(jittered)));
  }

  /** When poll number {@code attempt} is due, counting from {@code since}. */
  public Instant dueAt(Instant since, int attempt, RandomGenerator random) {
    return since.plus(delay(attempt, random));
  }
}
