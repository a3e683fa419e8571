package io.imagecontains.adjudication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Who is kept off further HITs, judged on a fit to 3,000 tasks of five answers each from 20 honest
 * workers (80–95% right), 5 coin-flippers, 3 always-yes and 2 always-no workers, 30% positives.
 */
class ExclusionRuleTest {

  private static final Adjudicator ADJUDICATOR = new Adjudicator(AdjudicationSettings.defaults());
  private static final ExclusionRule RULE =
      new ExclusionRule(
          ExclusionRule.DEFAULT_MIN_ANSWERS,
          ExclusionRule.DEFAULT_MAX_WEIGHT,
          ExclusionRule.DEFAULT_MAX_SHARE);

  private final WorkerReliability fitted = ADJUDICATOR.learn(tasks(3_000, 0.3));

  @Test
  void excludesCoinFlippersAndThoseWhoAlwaysSayTheSameAndNoHonestWorker() {
    List<String> excluded = RULE.toExclude(fitted, Set.of(), ADJUDICATOR);

    assertThat(excluded)
        .containsExactlyInAnyOrder(
            "random0", "random1", "random2", "random3", "random4", "yes0", "yes1", "yes2", "no0",
            "no1");
  }

  @Test
  void excludesNobodyTwice() {
    List<String> excluded = RULE.toExclude(fitted, Set.of("random0", "yes0"), ADJUDICATOR);

    assertThat(excluded).doesNotContain("random0", "yes0").hasSize(8);
  }

  @Test
  void judgesNobodyOnTooFewAnswers() {
    WorkerReliability early = ADJUDICATOR.learn(tasks(60, 0.3)); // about 10 answers each

    assertThat(RULE.toExclude(early, Set.of(), ADJUDICATOR)).isEmpty();
  }

  @Test
  void neverExcludesMoreThanTheShareAllowedOfTheWorkersKnown() {
    ExclusionRule aTenth = new ExclusionRule(20, ExclusionRule.DEFAULT_MAX_WEIGHT, 0.1);

    assertThat(aTenth.toExclude(fitted, Set.of(), ADJUDICATOR)).hasSize(3); // 10% of 30
    assertThat(aTenth.toExclude(fitted, Set.of("random0", "yes0", "no0"), ADJUDICATOR)).isEmpty();
  }

  @Test
  void settingsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> new ExclusionRule(0, 0.5, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExclusionRule(20, -1, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExclusionRule(20, 0.5, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<List<WorkerAnswer>> tasks(int count, double positives) {
    List<String> crowd = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      crowd.add("honest" + i);
    }
    for (int i = 0; i < 5; i++) {
      crowd.add("random" + i);
    }
    crowd.addAll(List.of("yes0", "yes1", "yes2", "no0", "no1"));
    SplittableRandom random = new SplittableRandom(3);
    List<List<WorkerAnswer>> tasks = new ArrayList<>();
    for (int task = 0; task < count; task++) {
      boolean truth = random.nextDouble() < positives;
      List<String> pool = new ArrayList<>(crowd);
      List<WorkerAnswer> answers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String worker = pool.remove(random.nextInt(pool.size()));
        answers.add(new WorkerAnswer(worker, task + "/" + i, says(worker, truth, random)));
      }
      tasks.add(answers);
    }
    return tasks;
  }

  private static boolean says(String worker, boolean truth, SplittableRandom random) {
    if (worker.startsWith("yes")) {
      return true;
    }
    if (worker.startsWith("no")) {
      return false;
    }
    if (worker.startsWith("random")) {
      return random.nextBoolean();
    }
    double accuracy = 0.80 + 0.15 * Integer.parseInt(worker.substring(6)) / 19.0;
    return random.nextDouble() < accuracy == truth;
  }
}
