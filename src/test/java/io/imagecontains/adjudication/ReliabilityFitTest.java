package io.imagecontains.adjudication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fitting worker reliability to recent answers, decided tasks or not. The crowd: 100 workers right
 * 85% of the time, half the images positive; each task asked as the adjudicator asks, two answers
 * first and more while they disagree, so agreeing tasks have few answers and split ones many.
 */
class ReliabilityFitTest {

  private static final AdjudicationSettings SETTINGS = AdjudicationSettings.defaults();
  private static final Adjudicator ADJUDICATOR = new Adjudicator(SETTINGS);

  @Test
  void findsTheCrowdsTrueAccuracyWhereverTheAdjudicatorStoppedAsking() {
    List<List<WorkerAnswer>> tasks = askedSequentially(3_000, new SplittableRandom(5));

    CrowdPrior crowd = ADJUDICATOR.learn(tasks).crowdPrior(SETTINGS);

    assertThat(crowd.sensitivityMean()).isCloseTo(0.85, within(0.02));
    assertThat(crowd.specificityMean()).isCloseTo(0.85, within(0.02));
  }

  /**
   * What learning from the first tasks decided saw: the tasks whose answers agreed. Fitted to those
   * alone the crowd looks far better than it is; the window holds the split tasks as well.
   */
  @Test
  void tasksThatAgreedAloneMakeTheCrowdLookBetterThanItIs() {
    List<List<WorkerAnswer>> tasks = askedSequentially(3_000, new SplittableRandom(5));
    List<List<WorkerAnswer>> agreed =
        tasks.stream()
            .filter(t -> t.stream().map(WorkerAnswer::containsTarget).distinct().count() == 1)
            .toList();

    double fromAgreed = ADJUDICATOR.learn(agreed).crowdPrior(SETTINGS).sensitivityMean();
    double fromAll = ADJUDICATOR.learn(tasks).crowdPrior(SETTINGS).sensitivityMean();

    assertThat(fromAgreed).isGreaterThan(0.95);
    assertThat(fromAll).isLessThan(0.87);
  }

  @Test
  void aWorkerWithNoAnswerInTheWindowIsANewcomer() {
    List<List<WorkerAnswer>> tasks = askedSequentially(200, new SplittableRandom(6));

    WorkerReliability fitted = ADJUDICATOR.learn(tasks);

    assertThat(fitted.statsOf("someone-else")).isEqualTo(WorkerStats.NONE);
    assertThat(fitted.workers().keySet())
        .isEqualTo(
            tasks.stream()
                .flatMap(List::stream)
                .map(WorkerAnswer::workerId)
                .collect(Collectors.toSet()));
  }

  @Test
  void nothingToFitLeavesEveryoneANewcomer() {
    WorkerReliability fitted = ADJUDICATOR.learn(List.of());

    assertThat(fitted.workers()).isEmpty();
    assertThat(fitted.crowdPrior(SETTINGS)).isEqualTo(CrowdPrior.configured(SETTINGS));
  }

  /** Two answers, then one or two more at a time until four more agree than disagree, up to 9. */
  private static List<List<WorkerAnswer>> askedSequentially(int count, SplittableRandom random) {
    List<List<WorkerAnswer>> tasks = new ArrayList<>();
    for (int task = 0; task < count; task++) {
      boolean truth = random.nextBoolean();
      List<Integer> pool = new ArrayList<>();
      for (int w = 0; w < 100; w++) {
        pool.add(w);
      }
      List<WorkerAnswer> answers = new ArrayList<>();
      int lead = 0;
      while (answers.size() < 9 && (answers.size() < 2 || Math.abs(lead) < 2)) {
        int worker = pool.remove(random.nextInt(pool.size()));
        boolean says = random.nextDouble() < 0.85 == truth;
        lead += says ? 1 : -1;
        answers.add(new WorkerAnswer("w" + worker, task + "/" + answers.size(), says));
      }
      tasks.add(answers);
    }
    return tasks;
  }
}
