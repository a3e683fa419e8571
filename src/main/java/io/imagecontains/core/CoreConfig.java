package io.imagecontains.core;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How the core drives HITs: polling, retries, cleanup and adjudication. */
@ConfigMapping(prefix = "core")
public interface CoreConfig {

  /** Polling a HIT for answers, with exponential backoff reset when answers arrive. */
  Poll poll();

  /** How long to wait for a created HIT before asking again (with the same request token). */
  @WithDefault("1m")
  Duration createRetry();

  /** How long after a task's creation to stop trying to create its HIT (then: Expired). */
  @WithDefault("2h")
  Duration giveUpCreating();

  /** How often to push a finished task's HIT towards deletion. */
  @WithDefault("1m")
  Duration cleanupInterval();

  /**
   * How long after a HIT's expiry answers may still come in: at least {@code
   * mturk.hit.assignment-duration}, since a worker who accepted just before expiry may still
   * submit.
   */
  @WithDefault("1h")
  Duration expiryGrace();

  /**
   * How long a call sent to the MTurk gateway may go unanswered before a wake-up sends it again.
   * Calls are not lost (they wait on the hit-commands topic), so this only covers a command the
   * gateway could not read; sending sooner would just lengthen its queue when MTurk is slow.
   */
  @WithDefault("10m")
  Duration callTimeout();

  /** How often the core looks for tasks whose wake-up time has come (wall-clock punctuation). */
  @WithDefault("1s")
  Duration tick();

  /** Wake-ups handled per tick at most, so one tick never stalls processing for long. */
  @WithDefault("2000")
  int maxWakeupsPerTick();

  /** Overrides of the adjudicator's tuned defaults (see AdjudicationSettings#defaults). */
  Adjudication adjudication();

  /**
   * Polling each HIT, with backoff. A safety net: the gateway's ListReviewableHITs scan tells the
   * core when a HIT's answers are all in, so polls are rare. With {@code
   * mturk.reviewable.enabled=false}, set {@code initial} to about 30s.
   */
  interface Poll {
    /** Delay of the first poll after the HIT is created or answers arrive. */
    @WithDefault("5m")
    Duration initial();

    /** Longest delay between two polls. */
    @WithDefault("30m")
    Duration max();

    /** Growth of the delay per poll without new answers. */
    @WithDefault("2")
    double factor();

    /** Random spread of each delay, as a fraction (0.2 = ±20%), so polls do not bunch up. */
    @WithDefault("0.2")
    double jitter();
  }

  /** Adjudication settings; each unset one keeps the tuned default. */
  interface Adjudication {
    /** Accuracy assumed for a worker without history. */
    Optional<Double> priorAccuracy();

    /** Posterior probability either side must reach to decide. */
    Optional<Double> confidence();

    /** Answers per task at most (≤ 9). */
    Optional<Integer> maxAnswers();

    /** Prior probability that an image contains the target. */
    Optional<Double> classPrior();

    /** Answers, the most recently read per partition, that worker reliability is fitted to. */
    Optional<Integer> windowAnswers();

    /** Answers read between two fits of worker reliability. */
    Optional<Integer> refitEvery();
  }
}
