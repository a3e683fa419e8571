package io.imagecontains.core;

/**
 * Timings of a HIT's life as the core drives it, in milliseconds.
 *
 * @param createRetry how long to wait for a created HIT before asking again (same token)
 * @param giveUpCreating how long after the task's creation to stop trying to create its HIT
 * @param cleanupInterval how often to push a decided task's HIT towards deletion
 * @param expiryGrace how long after the HIT's expiry answers may still arrive (the assignment
 *     duration: a worker who accepted just before expiry may still submit)
 * @param callTimeout how long calls may go unanswered before a wake-up sends them again
 * @param schedule the polling backoff
 */
public record LifecycleSettings(
    long createRetry,
    long giveUpCreating,
    long cleanupInterval,
    long expiryGrace,
    long callTimeout,
    PollSchedule schedule) {

  /** Milliseconds from one poll of a HIT to the next, by polls since answers last arrived. */
  @FunctionalInterface
  public interface PollSchedule {
    long delay(int attempt);
  }
}
