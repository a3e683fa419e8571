package io.imagecontains.adjudication;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What has been learned about workers from their agreement with decided tasks: an immutable value,
 * plain enough for Jackson, so the core keeps it in a Kafka Streams state store and replaces it
 * after each decision.
 *
 * <p>Bounded: beyond a capacity the least recently seen workers are forgotten and become newcomers
 * again, which costs a little accuracy for them and nothing else. Learning costs time in the number
 * of workers kept (the map is copied and the crowd prior refitted once per decided task).
 *
 * @param decisions decided tasks learned from so far; doubles as the recency clock
 * @param positiveDecisions of those, how many were decided "contains"
 * @param workers track record per worker id
 * @param crowd the prior fitted to the crowd; null until something was learned
 */
public record WorkerReliability(
    long decisions, long positiveDecisions, Map<String, WorkerStats> workers, CrowdPrior crowd) {

  public WorkerReliability {
    workers = Map.copyOf(workers);
  }

  /** Nothing learned yet: every worker is trusted as the prior says. */
  public static WorkerReliability empty() {
    return new WorkerReliability(0, 0, Map.of(), null);
  }

  /** The worker's track record, or {@link WorkerStats#NONE} for a stranger. */
  public WorkerStats statsOf(String workerId) {
    return workers.getOrDefault(workerId, WorkerStats.NONE);
  }

  /** What a worker is assumed to be before their own record: fitted, or else configured. */
  public CrowdPrior crowdPrior(AdjudicationSettings settings) {
    return crowd != null ? crowd : CrowdPrior.configured(settings);
  }

  /**
   * This view after a task was decided: each worker who answered it scores against how likely the
   * task is positive. A worker counts once per task even if listed twice.
   *
   * @param outcome what was decided, for the share of positive tasks
   * @param settings the prior, and how many workers to keep at most (the least recently seen go
   *     first)
   */
  public WorkerReliability learn(
      List<LabelledAnswer> answers, boolean outcome, AdjudicationSettings settings) {
    long now = decisions + 1;
    Map<String, WorkerStats> next = new HashMap<>(workers);
    Set<String> counted = new HashSet<>();
    for (LabelledAnswer labelled : answers) {
      WorkerAnswer answer = labelled.answer();
      if (counted.add(answer.workerId())) {
        WorkerStats before = next.getOrDefault(answer.workerId(), WorkerStats.NONE);
        next.put(
            answer.workerId(),
            before.record(answer.containsTarget(), labelled.positiveProbability(), now));
      }
    }
    forgetLeastRecentlySeen(next, settings.maxTrackedWorkers());
    long positives = positiveDecisions + (outcome ? 1 : 0);
    return new WorkerReliability(now, positives, next, CrowdPrior.fit(next.values(), settings));
  }

  private static void forgetLeastRecentlySeen(Map<String, WorkerStats> stats, int capacity) {
    int excess = stats.size() - capacity;
    if (excess <= 0) {
      return;
    }
    stats.entrySet().stream()
        .sorted(
            Comparator.comparingLong((Map.Entry<String, WorkerStats> e) -> e.getValue().lastSeen())
                .thenComparing(Map.Entry::getKey))
        .limit(excess)
        .map(Map.Entry::getKey)
        .toList()
        .forEach(stats::remove);
  }
}
