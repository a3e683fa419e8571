package io.imagecontains.adjudication;

/**
 * How much agreement the {@link Adjudicator} demands and how it learns who to trust.
 *
 * @param priorAccuracy accuracy assumed for a worker without history (sensitivity and specificity
 *     alike)
 * @param planningAccuracy accuracy of a good worker: how telling one answer could be, when working
 *     out the fewest further answers that could reach confidence
 * @param confidence posterior probability either side must reach to decide
 * @param maxAnswers answers per task at most; ≤ 9 because a HIT created with fewer than 10
 *     assignments can never be extended to 10 or more (and 10+ costs an extra fee)
 * @param classPrior prior probability that an image contains the target
 * @param priorStrength weight, in answers, of the prior on each worker's sensitivity and
 *     specificity: how much history it takes before a worker is trusted more or less than a
 *     newcomer
 * @param maxWorkerAccuracy no worker is ever believed more accurate than this, so that one lucky
 *     streak cannot make a single answer decisive
 * @param maxTrackedWorkers workers whose history is kept; the least recently seen are forgotten
 */
public record AdjudicationSettings(
    double priorAccuracy,
    double planningAccuracy,
    double confidence,
    int maxAnswers,
    double classPrior,
    double priorStrength,
    double maxWorkerAccuracy,
    int maxTrackedWorkers) {

  /** MTurk's limit for a HIT that can still be extended (see {@code maxAnswers}). */
  public static final int MAX_ANSWERS_LIMIT = 9;

  public AdjudicationSettings {
    requireOpen("priorAccuracy", priorAccuracy, 0.5, 1);
    requireOpen("planningAccuracy", planningAccuracy, 0.5, 1);
    requireOpen("confidence", confidence, 0.5, 1);
    requireOpen("classPrior", classPrior, 0, 1);
    requireOpen("maxWorkerAccuracy", maxWorkerAccuracy, 0.5, 1);
    if (maxWorkerAccuracy < priorAccuracy) {
      throw new IllegalArgumentException("maxWorkerAccuracy must be ≥ priorAccuracy");
    }
    if (maxAnswers < 1 || maxAnswers > MAX_ANSWERS_LIMIT) {
      throw new IllegalArgumentException("maxAnswers must be in 1.." + MAX_ANSWERS_LIMIT);
    }
    if (!(priorStrength > 0)) {
      throw new IllegalArgumentException("priorStrength must be > 0");
    }
    if (maxTrackedWorkers < 1) {
      throw new IllegalArgumentException("maxTrackedWorkers must be ≥ 1");
    }
  }

  /**
   * Defaults tuned with {@code CrowdSimulation} (see its test) so that every benchmark crowd gets ≥
   * 99% accuracy, ≥ 95% decided and ≤ 4.5 answers per task. TODO numbers and why.
   */
  public static AdjudicationSettings defaults() {
    return new AdjudicationSettings(0.8, 0.9, 0.98, 9, 0.5, 4, 0.98, 10_000);
  }

  private static void requireOpen(String name, double value, double low, double high) {
    if (!(value > low && value < high)) {
      throw new IllegalArgumentException(name + " must be in (" + low + ", " + high + ")");
    }
  }
}
