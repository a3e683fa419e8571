package io.imagecontains.adjudication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrowdPriorTest {

  private static final AdjudicationSettings SETTINGS = AdjudicationSettings.defaults();

  /** A worker who said yes on 92 of 100 positive tasks and no on 92 of 100 negative ones. */
  private static final WorkerStats LUCKY_OR_GOOD = new WorkerStats(100, 92, 100, 92, 1);

  @Test
  void inACrowdOfEqualsAGoodRecordIsMostlyLuck() {
    CrowdPrior prior = CrowdPrior.fit(crowd(0.85, 0.85), SETTINGS);

    assertThat(sensitivityOf(LUCKY_OR_GOOD, prior)).isBetween(0.84, 0.88);
  }

  @Test
  void inAMixedCrowdAGoodRecordIsBelieved() {
    CrowdPrior prior = CrowdPrior.fit(crowd(0.6, 0.97), SETTINGS);

    assertThat(sensitivityOf(LUCKY_OR_GOOD, prior)).isGreaterThan(0.9);
  }

  @Test
  void aCrowdTooLittleKnownKeepsTheConfiguredPrior() {
    List<WorkerStats> threeWorkers = crowd(0.85, 0.85).subList(0, 3);

    assertThat(CrowdPrior.fit(threeWorkers, SETTINGS)).isEqualTo(CrowdPrior.configured(SETTINGS));
  }

  private static double sensitivityOf(WorkerStats stats, CrowdPrior prior) {
    return stats.sensitivity(prior.sensitivityMean(), prior.sensitivityStrength());
  }

  /** 60 workers with 100 tasks on each side, half of them at each accuracy. */
  private static List<WorkerStats> crowd(double accuracy, double otherAccuracy) {
    SplittableRandom random = new SplittableRandom(3);
    List<WorkerStats> crowd = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      double p = i % 2 == 0 ? accuracy : otherAccuracy;
      crowd.add(new WorkerStats(100, hits(p, random), 100, hits(p, random), i));
    }
    return crowd;
  }

  private static int hits(double p, SplittableRandom random) {
    int hits = 0;
    for (int i = 0; i < 100; i++) {
      hits += random.nextDouble() < p ? 1 : 0;
    }
    return hits;
  }
}
