package io.imagecontains.adjudication;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What has been learned about workers from their agreement with decided tasks: an immutable
 * value, plain enough for Jackson, so the core keeps it in a Kafka Streams state store and
 * replaces it after each decision.
 *
 * <p>Bounded: beyond a capacity the least recently seen workers are forgotten and become
 * newcomers again, which costs a little accuracy for them and nothing else.
 *
 * @param decisions decided tasks learned from so far; doubles as the recency clock
 * @param workers track record per worker id
 */
public record WorkerReliability(long decisions, Map<String, WorkerStats> workers) {

  public WorkerReliability {
    workers = Map.copyOf(workers);
  }

  /** Nothing learned yet: every worker is trusted as the prior says. */
  public static WorkerReliability empty() {
    return new WorkerReliability(0, Map.of());
  }

  /** The worker's track record, or {@link WorkerStats#NONE} for a stranger. */
  public WorkerStats statsOf(String workerId) {
    return workers.getOrDefault(workerId, WorkerStats.NONE);
  }

  /**
   * This view after a task was decided: each worker who answered it scores against the outcome.
   * A worker counts once per task even if listed twice.
   *
   * @param capacity workers to keep at most (the least recently seen go first)
   */
  public WorkerReliability learn(List<WorkerAnswer> answers, boolean outcome, int capacity) {
    long now = decisions + 1;
    Map<String, WorkerStats> next = new HashMap<>(workers);
    Set<String> counted = new HashSet<>();
    for (WorkerAnswer answer : answers) {
      if (counted.add(answer.workerId())) {
        WorkerStats before = next.getOrDefault(answer.workerId(), WorkerStats.NONE);
        next.put(answer.workerId(), before.record(answer.containsTarget(), outcome, now));
      }
    }
    forgetLeastRecentlySeen(next, capacity);
    return new WorkerReliability(now, next);
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
