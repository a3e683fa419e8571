package io.imagecontains.adjudication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The answer-quality benchmark at the default settings (see {@link CrowdSimulation}); the full size
 * takes a couple of seconds, so it runs with the unit tests.
 */
class CrowdSimulationTest {

  private static final long SEED = 42;

  private final CrowdSimulation simulation = new CrowdSimulation(AdjudicationSettings.defaults());

  @Test
  void meetsTheTargetsOnEveryCrowdAtFullSize() {
    List<CrowdReport> reports = simulation.benchmark(10_000, SEED);
    reports.forEach(System.out::println);

    assertThat(reports).hasSize(4).allSatisfy(CrowdSimulationTest::meetsTargets);
  }

  /**
   * As the service works: answers read a round at a time, rounds ending in the order workers'
   * delays set, three partitions learning on their own, tasks arriving as a steady stream (one
   * every 2 simulated seconds).
   */
  @Test
  void meetsTheTargetsRoundByRoundOnASteadyStream() {
    List<CrowdSimulation.RoundReport> reports = simulation.benchmarkInRounds(10_000, SEED, 2);
    reports.forEach(System.out::println);

    assertThat(reports).hasSize(4).allSatisfy(CrowdSimulationTest::meetsTargets);
  }

  @Test
  void beatsFixedMajorityVotingWithFewerAnswersAtSmallSize() {
    List<CrowdReport> reports = simulation.benchmark(2_000, SEED);
    reports.forEach(System.out::println);

    assertThat(reports)
        .allSatisfy(
            report -> {
              assertThat(report.accuracy()).isGreaterThan(report.majorityOf5Accuracy());
              assertThat(report.answersPerTask()).isLessThan(5);
            });
  }

  private static void meetsTargets(CaseFigures report) {
    assertThat(report.accuracy()).as("accuracy of %s", report).isGreaterThanOrEqualTo(0.99);
    assertThat(report.decidedShare())
        .as("decided share of %s", report)
        .isGreaterThanOrEqualTo(0.95);
    assertThat(report.answersPerTask())
        .as("answers per task of %s", report)
        .isLessThanOrEqualTo(4.5);
  }
}
