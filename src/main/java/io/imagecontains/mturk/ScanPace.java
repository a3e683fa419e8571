package io.imagecontains.mturk;

import java.time.Duration;

/**
 * Time to the next {@code ListReviewableHITs} scan: the base interval while scans find HITs newly
 * reviewable, doubling after each scan that finds none, up to a maximum. A busy service scans often
 * and shares each call among many HITs; a quiet one spends few calls on finding nothing, and a
 * finished HIT still waits at most the maximum before its answers are read.
 */
final class ScanPace {

  private final Duration base;
  private final Duration max;
  private Duration current;

  ScanPace(Duration base, Duration max) {
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("mturk.reviewable.interval must be positive");
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "mturk.reviewable.max-interval must be at least mturk.reviewable.interval");
    }
    this.base = base;
    this.max = max;
    this.current = base;
  }

  /** The wait before the next scan, after one that found {@code fresh} newly reviewable HITs. */
  synchronized Duration after(int fresh) {
    current = fresh > 0 ? base : min(current.multipliedBy(2), max);
    return current;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
