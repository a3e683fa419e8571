package io.imagecontains.adjudication;

/**
 * One worker's track record on decided tasks, kept apart for positive and negative outcomes.
 *
 * <p>Why two coins rather than one accuracy: a worker who always answers "yes" agrees with most
 * decisions when most images contain the target, yet tells nothing. Measured separately, such a
 * worker has perfect sensitivity and zero specificity, and the likelihood ratio of their "yes" is
 * 1: it carries no weight, whatever the share of positives.
 *
 * @param positives decided-positive tasks the worker answered
 * @param yesOnPositives of those, how many they answered "yes"
 * @param negatives decided-negative tasks the worker answered
 * @param noOnNegatives of those, how many they answered "no"
 * @param lastSeen the reliability view's decision count when the worker was last seen (recency)
 */
public record WorkerStats(
    long positives, long yesOnPositives, long negatives, long noOnNegatives, long lastSeen) {

  /** A worker without history. */
  public static final WorkerStats NONE = new WorkerStats(0, 0, 0, 0, 0);

  /** This record after one more decided task the worker answered. */
  public WorkerStats record(boolean answered, boolean outcome, long seenAt) {
    if (outcome) {
      return new WorkerStats(
          positives + 1, yesOnPositives + (answered ? 1 : 0), negatives, noOnNegatives, seenAt);
    }
    return new WorkerStats(
        positives, yesOnPositives, negatives + 1, noOnNegatives + (answered ? 0 : 1), seenAt);
  }

  /** P(answers yes | image contains the target): Beta-prior mean, shrunk towards the prior. */
  public double sensitivity(double priorAccuracy, double priorStrength) {
    return shrunk(yesOnPositives, positives, priorAccuracy, priorStrength);
  }

  /** P(answers no | image does not contain the target), shrunk the same way. */
  public double specificity(double priorAccuracy, double priorStrength) {
    return shrunk(noOnNegatives, negatives, priorAccuracy, priorStrength);
  }

  private static double shrunk(long hits, long trials, double prior, double strength) {
    return (hits + prior * strength) / (trials + strength);
  }
}
