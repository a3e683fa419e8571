package io.imagecontains.adjudication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker reliability fitted to a window of recent tasks by expectation–maximisation (Dawid and
 * Skene, 1979): how likely each task is positive given every answer, and each worker's sensitivity
 * and specificity given those likelihoods, in turn until they settle.
 *
 * <p>Why every recent task, decided or not: which tasks get decided first depends on their answers
 * (agreeing answers decide early, split ones wait for more), so learning only from decided tasks
 * sees a crowd that agrees more than it does. Thousands of tasks started at once made a crowd of
 * 85% workers look 97% accurate that way, and decisions overconfident. The likelihood of all the
 * answers read so far does not depend on when the adjudicator chose to stop asking, so a fit to all
 * of them has no such bias.
 */
final class ReliabilityFit {

  /** Rounds of expectation and maximisation at most; a fit settles in a few dozen. */
  static final int MAX_ITERATIONS = 50;

  /** Settled once no task's probability of being positive moves by more than this. */
  static final double TOLERANCE = 1e-4;

  private final Adjudicator adjudicator;
  private final AdjudicationSettings settings;

  ReliabilityFit(Adjudicator adjudicator, AdjudicationSettings settings) {
    this.adjudicator = adjudicator;
    this.settings = settings;
  }

  /**
   * The view fitted to these tasks. Each fit starts afresh from the configured prior rather than
   * from the last fit: started from a fit to the first few hundred tasks (mostly two answers each,
   * which cannot tell a worker's sensitivity from the share of positives), it kept a wrong solution
   * — everyone "sensitive", most tasks "negative" — long after the data could refute it.
   *
   * @param tasks each task's answers, oldest task first; a worker counts once per task
   */
  WorkerReliability fit(Collection<List<WorkerAnswer>> tasks) {
    WorkerReliability start = WorkerReliability.empty();
    List<int[]> workersOf = new ArrayList<>();
    List<boolean[]> saidYes = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (List<WorkerAnswer> answers : tasks) {
      List<WorkerAnswer> counted = Adjudicator.oncePerWorker(answers);
      if (counted.isEmpty()) {
        continue;
      }
      int[] who = new int[counted.size()];
      boolean[] yes = new boolean[counted.size()];
      for (int i = 0; i < who.length; i++) {
        String id = counted.get(i).workerId();
        who[i] =
            index.computeIfAbsent(
                id,
                k -> {
                  ids.add(k);
                  return ids.size() - 1;
                });
        yes[i] = counted.get(i).containsTarget();
      }
      workersOf.add(who);
      saidYes.add(yes);
    }
    int n = workersOf.size();
    double[] positive = new double[n];
    double[] yesWeight = new double[ids.size()];
    double[] noWeight = new double[ids.size()];
    weigh(start, ids, yesWeight, noWeight);
    double priorLogOdds = adjudicator.priorLogOdds(start);
    expect(workersOf, saidYes, priorLogOdds, yesWeight, noWeight, positive);
    WorkerReliability fitted = start;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      fitted = maximise(workersOf, saidYes, ids, positive);
      weigh(fitted, ids, yesWeight, noWeight);
      double moved =
          expect(
              workersOf, saidYes, adjudicator.priorLogOdds(fitted), yesWeight, noWeight, positive);
      if (moved < TOLERANCE) {
        break;
      }
    }
    return maximise(workersOf, saidYes, ids, positive);
  }

  /** Each worker's weight of a "yes" and of a "no" under a view, as the adjudicator counts them. */
  private void weigh(
      WorkerReliability view, List<String> ids, double[] yesWeight, double[] noWeight) {
    CrowdPrior crowd = view.crowdPrior(settings);
    for (int w = 0; w < ids.size(); w++) {
      WorkerStats stats = view.statsOf(ids.get(w));
      yesWeight[w] = adjudicator.weightOf(true, stats, crowd);
      noWeight[w] = adjudicator.weightOf(false, stats, crowd);
    }
  }

  /** How likely each task is positive; returns the largest change. */
  private static double expect(
      List<int[]> workersOf,
      List<boolean[]> saidYes,
      double priorLogOdds,
      double[] yesWeight,
      double[] noWeight,
      double[] positive) {
    double moved = 0;
    for (int t = 0; t < positive.length; t++) {
      int[] who = workersOf.get(t);
      boolean[] yes = saidYes.get(t);
      double logOdds = priorLogOdds;
      for (int i = 0; i < who.length; i++) {
        logOdds += yes[i] ? yesWeight[who[i]] : noWeight[who[i]];
      }
      double next = 1 / (1 + Math.exp(-logOdds));
      moved = Math.max(moved, Math.abs(next - positive[t]));
      positive[t] = next;
    }
    return moved;
  }

  /** Each worker's record, and the crowd's, given how likely each task is positive. */
  private WorkerReliability maximise(
      List<int[]> workersOf, List<boolean[]> saidYes, List<String> ids, double[] positive) {
    int count = ids.size();
    double[] positives = new double[count];
    double[] yesOnPositives = new double[count];
    double[] negatives = new double[count];
    double[] noOnNegatives = new double[count];
    long[] lastSeen = new long[count];
    double positiveTasks = 0;
    for (int t = 0; t < positive.length; t++) {
      int[] who = workersOf.get(t);
      boolean[] yes = saidYes.get(t);
      double q = positive[t];
      for (int i = 0; i < who.length; i++) {
        int w = who[i];
        positives[w] += q;
        negatives[w] += 1 - q;
        if (yes[i]) {
          yesOnPositives[w] += q;
        } else {
          noOnNegatives[w] += 1 - q;
        }
        lastSeen[w] = t + 1;
      }
      positiveTasks += positive[t];
    }
    Map<String, WorkerStats> workers = new HashMap<>();
    for (int w = 0; w < count; w++) {
      workers.put(
          ids.get(w),
          new WorkerStats(
              positives[w], yesOnPositives[w], negatives[w], noOnNegatives[w], lastSeen[w]));
    }
    return new WorkerReliability(
        positive.length,
        Math.round(positiveTasks),
        workers,
        CrowdPrior.fit(workers.values(), settings));
  }
}
