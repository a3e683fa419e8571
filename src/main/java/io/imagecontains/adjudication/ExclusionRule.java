package io.imagecontains.adjudication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which workers to keep off future HITs: those whose answers, as fitted, tell almost nothing — on
 * average an answer of theirs moves the odds by less than {@code maxWeight} (in log-odds: an honest
 * 80% worker's by 1.4, a 57% worker's by 0.3, a coin-flipper's by about 0, and an always-yes
 * worker's "yes", all they ever say, by about 0). At 0.5 the simulated mixed crowd lost one or two
 * of its 70 honest workers (misjudged by early fits); at 0.3 none, and all 30 junk workers still
 * go. Their answers already weigh about nothing in decisions, but each still costs a reward and a
 * round; in the mixed benchmark crowd (30% such workers) excluding them cut answers per task by a
 * sixth.
 *
 * <p>Only workers with at least {@code minAnswers} answers in the window are judged, so that an
 * honest worker's unlucky start is not mistaken for noise; and never more than {@code maxShare} of
 * the workers known (in the window or excluded before), so that a crowd which really is mostly
 * noise (or a labelling job too hard for anyone) is not emptied.
 *
 * @param minAnswers answers in the window before a worker is judged
 * @param maxWeight workers whose answers move the odds by less than this on average are excluded
 * @param maxShare at most this share of the workers known is ever excluded
 */
public record ExclusionRule(int minAnswers, double maxWeight, double maxShare) {

  public static final int DEFAULT_MIN_ANSWERS = 20;
  public static final double DEFAULT_MAX_WEIGHT = 0.3;
  public static final double DEFAULT_MAX_SHARE = 0.5;

  public ExclusionRule {
    if (minAnswers < 1) {
      throw new IllegalArgumentException("minAnswers must be ≥ 1");
    }
    if (!(maxWeight >= 0)) {
      throw new IllegalArgumentException("maxWeight must be ≥ 0");
    }
    if (!(maxShare >= 0 && maxShare <= 1)) {
      throw new IllegalArgumentException("maxShare must be in [0, 1]");
    }
  }

  /**
   * Workers of this view to exclude now, least informative first, not counting those already
   * excluded.
   */
  public List<String> toExclude(
      WorkerReliability view, Set<String> excluded, Adjudicator adjudicator) {
    CrowdPrior crowd = view.crowdPrior(adjudicator.settings());
    List<Map.Entry<String, Double>> candidates = new ArrayList<>();
    for (Map.Entry<String, WorkerStats> e : view.workers().entrySet()) {
      WorkerStats stats = e.getValue();
      double answers = stats.positives() + stats.negatives();
      if (excluded.contains(e.getKey()) || answers < minAnswers) {
        continue;
      }
      double yesShare =
          (stats.yesOnPositives() + stats.negatives() - stats.noOnNegatives()) / answers;
      double informativeness =
          yesShare * adjudicator.weightOf(true, stats, crowd)
              - (1 - yesShare) * adjudicator.weightOf(false, stats, crowd);
      if (informativeness < maxWeight) {
        candidates.add(Map.entry(e.getKey(), informativeness));
      }
    }
    candidates.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry::getKey));
    long known =
        view.workers().size()
            + excluded.stream().filter(id -> !view.workers().containsKey(id)).count();
    long room = Math.max(0, (long) Math.floor(maxShare * known) - excluded.size());
    return candidates.stream().limit(room).map(Map.Entry::getKey).toList();
  }
}
