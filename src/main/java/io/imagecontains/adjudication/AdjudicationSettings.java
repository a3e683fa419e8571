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
 * @param windowAnswers answers, the most recently read, that worker reliability is fitted to
 * @param refitEvery answers read between two fits
 */
public record AdjudicationSettings(
    double priorAccuracy,
    double planningAccuracy,
    double confidence,
    int maxAnswers,
    double classPrior,
    double priorStrength,
    double maxWorkerAccuracy,
    int windowAnswers,
    int refitEvery) {

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
    if (windowAnswers < 1) {
      throw new IllegalArgumentException("windowAnswers must be ≥ 1");
    }
    if (refitEvery < 1) {
      throw new IllegalArgumentException("refitEvery must be ≥ 1");
    }
  }

  // Defaults, tuned with CrowdSimulation (run by CrowdSimulationTest) on the four benchmark cases:
  // a uniform 85% crowd and a mixed one (70% honest at 80-97%, 20% random, 10% always-yes), each
  // at 50% and 20% positives, 10k tasks, 200 workers. Targets: >= 99% accuracy, >= 95% decided,
  // <= 4.5 answers per task. The mixed crowd at 50% positives binds: a higher confidence costs it
  // answers and decided share, a lower one costs the uniform crowd accuracy.

  /**
   * A newcomer is believed 80% accurate until the crowd is known: cautious enough that junk
   * workers, not yet recognised, cannot decide a task on their own (three agreeing newcomers are
   * needed), and no more, since a lower prior leaves more early tasks undecided.
   */
  public static final double DEFAULT_PRIOR_ACCURACY = 0.8;

  /** Plan with a good worker's 90%: three answers first (at 99% confidence), then one or two. */
  public static final double DEFAULT_PLANNING_ACCURACY = 0.9;

  /**
   * 99%: with reliability fitted to all recent answers and uninformative workers excluded, decided
   * tasks come out 99.4–99.7% correct in simulation with 3.3–4.2 answers per task, and the first
   * ask is three answers, which saves rounds (so polls). At 98% the mixed crowd came out at
   * 99.0–99.1%.
   */
  public static final double DEFAULT_CONFIDENCE = 0.99;

  /** All MTurk allows without losing the ability to extend the HIT. */
  public static final int DEFAULT_MAX_ANSWERS = MAX_ANSWERS_LIMIT;

  /** No opinion on the share of positives; the share decided so far takes over quickly. */
  public static final double DEFAULT_CLASS_PRIOR = 0.5;

  /** Four answers: a worker's own record outweighs the prior after a handful of tasks. */
  public static final double DEFAULT_PRIOR_STRENGTH = 4;

  /** Even the best record is not believed beyond 98%: no answer is worth more than 49 to 1. */
  public static final double DEFAULT_MAX_WORKER_ACCURACY = 0.98;

  /**
   * Twelve thousand answers (per partition): about a hundred per worker from a crowd of a hundred,
   * enough to tell a 97% worker from an 85% one; about 1 MB in the state store.
   */
  public static final int DEFAULT_WINDOW_ANSWERS = 12_000;

  /** A hundred answers: a fit takes milliseconds, so learning keeps up with a burst. */
  public static final int DEFAULT_REFIT_EVERY = 100;

  /** The defaults above (see their comments for why each). */
  public static AdjudicationSettings defaults() {
    return new AdjudicationSettings(
        DEFAULT_PRIOR_ACCURACY,
        DEFAULT_PLANNING_ACCURACY,
        DEFAULT_CONFIDENCE,
        DEFAULT_MAX_ANSWERS,
        DEFAULT_CLASS_PRIOR,
        DEFAULT_PRIOR_STRENGTH,
        DEFAULT_MAX_WORKER_ACCURACY,
        DEFAULT_WINDOW_ANSWERS,
        DEFAULT_REFIT_EVERY);
  }

  private static void requireOpen(String name, double value, double low, double high) {
    if (!(value > low && value < high)) {
      throw new IllegalArgumentException(name + " must be in (" + low + ", " + high + ")");
    }
  }
}
