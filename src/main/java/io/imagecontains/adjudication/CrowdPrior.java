package io.imagecontains.adjudication;

import java.util.Collection;
import java.util.function.ToDoubleFunction;

/**
 * What a worker is assumed to be before their own record says otherwise: a Beta prior on
 * sensitivity and one on specificity, fitted to the crowd (empirical Bayes).
 *
 * <p>Why fitted: how far to trust a worker's record depends on how different workers really are. In
 * a crowd of equals, a worker who agreed 90% of the time was lucky, and believing the record lets
 * two such answers decide a task they cannot; in a mixed crowd the record is the best guide. The
 * spread of the records beyond what luck explains says which case holds.
 *
 * @param sensitivityMean mean sensitivity of the crowd
 * @param sensitivityStrength weight of that mean, in answers, against a worker's own record
 * @param specificityMean mean specificity of the crowd
 * @param specificityStrength weight of that mean, in answers
 */
public record CrowdPrior(
    double sensitivityMean,
    double sensitivityStrength,
    double specificityMean,
    double specificityStrength) {

  /** Tasks on one side a worker needs before their record says something about the crowd. */
  static final int MIN_TASKS = 10;

  /** Workers with such a record needed before the crowd is fitted at all. */
  static final int MIN_WORKERS = 10;

  /** Weight of the crowd's mean when workers all look alike: a record still counts a little. */
  static final double MAX_STRENGTH = 200;

  /** The configured prior, for a crowd too little known to fit. */
  public static CrowdPrior configured(AdjudicationSettings settings) {
    double mean = settings.priorAccuracy();
    double strength = settings.priorStrength();
    return new CrowdPrior(mean, strength, mean, strength);
  }

  /** The prior fitted to these records, each coin falling back to the configuration alone. */
  public static CrowdPrior fit(Collection<WorkerStats> workers, AdjudicationSettings settings) {
    double[] sensitivity =
        fitCoin(workers, WorkerStats::positives, WorkerStats::yesOnPositives, settings);
    double[] specificity =
        fitCoin(workers, WorkerStats::negatives, WorkerStats::noOnNegatives, settings);
    return new CrowdPrior(sensitivity[0], sensitivity[1], specificity[0], specificity[1]);
  }

  /** Mean and strength of a Beta whose spread is the records' spread less what luck explains. */
  private static double[] fitCoin(
      Collection<WorkerStats> workers,
      ToDoubleFunction<WorkerStats> trials,
      ToDoubleFunction<WorkerStats> hits,
      AdjudicationSettings settings) {
    double count = 0;
    double sum = 0;
    double sumOfSquares = 0;
    double inverseTrials = 0;
    for (WorkerStats stats : workers) {
      double n = trials.applyAsDouble(stats);
      if (n >= MIN_TASKS) {
        double rate = hits.applyAsDouble(stats) / n;
        count++;
        sum += rate;
        sumOfSquares += rate * rate;
        inverseTrials += 1 / n;
      }
    }
    if (count < MIN_WORKERS) {
      return new double[] {settings.priorAccuracy(), settings.priorStrength()};
    }
    double mean = sum / count;
    double spread = sumOfSquares / count - mean * mean;
    double luck = mean * (1 - mean) * inverseTrials / count;
    double trueSpread = spread - luck;
    double strength = trueSpread <= 0 ? MAX_STRENGTH : mean * (1 - mean) / trueSpread - 1;
    return new double[] {
      mean, Math.min(MAX_STRENGTH, Math.max(settings.priorStrength(), strength))
    };
  }
}
