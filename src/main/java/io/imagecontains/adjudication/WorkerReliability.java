package io.imagecontains.adjudication;

import java.util.Map;

/**
 * What has been learned about workers from a window of recent tasks' answers (see {@link
 * Adjudicator#learn}): an immutable value, plain enough for Jackson, so the core keeps it in a
 * Kafka Streams state store and replaces it at each refit. Bounded by the window: workers with no
 * answer in it are newcomers again.
 *
 * @param decisions tasks the view was fitted to
 * @param positiveDecisions of those, how many are likely positive (the sum of their probabilities)
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
}
