package io.imagecontains.adjudication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagecontains.adjudication.Decision.Decided;
import io.imagecontains.adjudication.Decision.NeedMore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Learning who to trust, on a crowd where 80% of images contain the target (so a worker who always
 * says yes agrees with most decisions): 10 honest workers right 95% of the time, and four each of
 * always-yes, always-no and coin-flipping workers. Fitted to 2,000 tasks' answers, as the core does
 * over its window of recent answers.
 */
class WorkerReliabilityTest {

  private static final AdjudicationSettings SETTINGS =
      new AdjudicationSettings(0.85, 0.85, 0.99, 9, 0.5, 4, 0.98, 10_000, 100);
  private static final Adjudicator ADJUDICATOR = new Adjudicator(SETTINGS);
  private static final List<String> CROWD = new ArrayList<>();

  private static WorkerReliability learned;

  @BeforeAll
  static void fitToTwoThousandTasks() {
    for (int i = 0; i < 10; i++) {
      CROWD.add("honest" + i);
    }
    for (int i = 0; i < 4; i++) {
      CROWD.addAll(List.of("alwaysYes" + i, "alwaysNo" + i, "random" + i));
    }
    SplittableRandom random = new SplittableRandom(11);
    List<List<WorkerAnswer>> tasks = new ArrayList<>();
    for (int task = 0; task < 2_000; task++) {
      boolean truth = random.nextDouble() < 0.8;
      tasks.add(answersFromFiveWorkers(task, truth, random));
    }
    learned = ADJUDICATOR.learn(tasks);
  }

  @Test
  void twoProvenWorkersDecideWhatTwoNewcomersCannot() {
    List<WorkerAnswer> proven = List.of(answer("honest1", true), answer("honest2", true));
    List<WorkerAnswer> newcomers = List.of(answer("new1", true), answer("new2", true));

    assertThat(ADJUDICATOR.decide(proven, learned)).isInstanceOf(Decided.class);
    assertThat(ADJUDICATOR.decide(newcomers, learned)).isInstanceOf(NeedMore.class);
  }

  @Test
  void workersWhoAlwaysGiveTheSameAnswerCannotDecideATask() {
    // Scored on agreement alone, always-yes workers would look 80% accurate here, and four
    // of them would decide.
    List<WorkerAnswer> yesSayers = sameAnswer("alwaysYes", true);
    List<WorkerAnswer> noSayers = sameAnswer("alwaysNo", false);
    List<WorkerAnswer> newcomers = sameAnswer("new", true);

    assertThat(ADJUDICATOR.decide(yesSayers, learned)).isInstanceOf(NeedMore.class);
    assertThat(ADJUDICATOR.decide(noSayers, learned)).isInstanceOf(NeedMore.class);
    assertThat(ADJUDICATOR.decide(newcomers, learned)).isInstanceOf(Decided.class);
  }

  @Test
  void anAlwaysYesAnswerChangesNothingAgainstHonestOnes() {
    List<WorkerAnswer> honest =
        List.of(answer("honest3", false), answer("honest4", false), answer("honest5", false));
    List<WorkerAnswer> withAlwaysYes = new ArrayList<>(honest);
    withAlwaysYes.add(answer("alwaysYes0", true));

    Decided without = (Decided) ADJUDICATOR.decide(honest, learned);
    Decided with = (Decided) ADJUDICATOR.decide(withAlwaysYes, learned);

    assertThat(with.containsTarget()).isFalse();
    assertThat(with.confidence()).isCloseTo(without.confidence(), within(0.001));
  }

  @Test
  void coinFlippersCannotDecideATask() {
    assertThat(ADJUDICATOR.decide(sameAnswer("random", true), learned))
        .isInstanceOf(NeedMore.class);
  }

  @Test
  void survivesAJsonRoundTripForTheStateStore() throws Exception {
    ObjectMapper json = new ObjectMapper();

    String stored = json.writeValueAsString(learned);
    WorkerReliability restored = json.readValue(stored, WorkerReliability.class);

    assertThat(restored).isEqualTo(learned);
    assertThat(
            json.readValue(
                json.writeValueAsString(WorkerReliability.empty()), WorkerReliability.class))
        .isEqualTo(WorkerReliability.empty());
  }

  private static List<WorkerAnswer> answersFromFiveWorkers(
      int task, boolean truth, SplittableRandom random) {
    List<String> pool = new ArrayList<>(CROWD);
    List<WorkerAnswer> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String worker = pool.remove(random.nextInt(pool.size()));
      answers.add(new WorkerAnswer(worker, task + "/" + i, says(worker, truth, random)));
    }
    return answers;
  }

  private static boolean says(String worker, boolean truth, SplittableRandom random) {
    if (worker.startsWith("alwaysYes")) {
      return true;
    }
    if (worker.startsWith("alwaysNo")) {
      return false;
    }
    if (worker.startsWith("random")) {
      return random.nextBoolean();
    }
    return random.nextDouble() < 0.95 ? truth : !truth;
  }

  /** The four workers of a kind all giving the same answer. */
  private static List<WorkerAnswer> sameAnswer(String kind, boolean containsTarget) {
    List<WorkerAnswer> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(answer(kind + i, containsTarget));
    }
    return answers;
  }

  private static WorkerAnswer answer(String worker, boolean containsTarget) {
    return new WorkerAnswer(worker, worker + "-assignment", containsTarget);
  }
}
