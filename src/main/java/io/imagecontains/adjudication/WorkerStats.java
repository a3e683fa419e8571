package io.imagecontains.adjudication;

/**
 * One worker's track record on recent tasks, kept apart for positive and negative tasks. A task
 * counts as positive by how likely it is to be positive ({@code q}, see {@link ReliabilityFit}) and
 * as negative by the rest, so the counts are fractional.
 *
 * <p>Why two coins rather than one accuracy: a worker who always answers "yes" agrees with most
 * decisions when most images contain the target, yet tells nothing. Measured separately, such a
 * worker has perfect sensitivity and zero specificity, and the likelihood ratio of their "yes" is
 * 1: it carries no weight, whatever the share of positives.
 *
 * @param positives positive tasks the worker answered (sum of {@code q})
 * @param yesOnPositives of those, how many they answered "yes"
 * @param negatives negative tasks the worker answered (sum of {@code 1 - q})
 * @param noOnNegatives of those, how many they answered "no"
 * @param lastSeen the position in the window of the last task the worker answered
 */
public record WorkerStats(
    double positives,
    double yesOnPositives,
    double negatives,
    double noOnNegatives,
    long lastSeen) {

  /** A worker without history. */
  public static final WorkerStats NONE = new WorkerStats(0, 0, 0, 0, 0);

  /** P(answers yes | image contains the target): Beta-prior mean, shrunk towards the prior. */
  public double sensitivity(double priorAccuracy, double priorStrength) {
    return shrunk(yesOnPositives, positives, priorAccuracy, priorStrength);
  }

  /** P(answers no | image does not contain the target), shrunk the same way. */
  public double specificity(double priorAccuracy, double priorStrength) {
    return shrunk(noOnNegatives, negatives, priorAccuracy, priorStrength);
  }

  private static double shrunk(double hits, double trials, double prior, double strength) {
    return (hits + prior * strength) / (trials + strength);
  }
}
