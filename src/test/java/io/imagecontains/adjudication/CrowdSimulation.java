package io.imagecontains.adjudication;

import io.imagecontains.adjudication.Decision.Decided;
import io.imagecontains.adjudication.Decision.NeedMore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Offline answer-quality benchmark of the {@link Adjudicator}: simulated crowds answer simulated
 * tasks in sequence, so worker reliability is learned over the run as in the service. The same
 * answers are also scored by fixed majority-of-3 and majority-of-5 for comparison.
 *
 * <p>Like the service, it asks for what {@code NeedMore} says minus the answers still outstanding,
 * hands answers over one at a time, and pays for every answer it asked for even if the decision
 * came before the last one arrived ("answers/task"; "received" counts only those that arrived).
 * Each task's workers are drawn at random from a pool of {@value #POOL_SIZE}, none twice.
 *
 * <p>Run: {@code mvn -B -q test -Dtest=CrowdSimulationTest} (prints the four cases at 2,000 and
 * 10,000 tasks), or this class's {@code main} with the number of tasks as argument.
 */
final class CrowdSimulation {

  static final int POOL_SIZE = 200;

  enum Behaviour {
    HONEST,
    RANDOM,
    ALWAYS_YES
  }

  record Worker(String id, Behaviour behaviour, double accuracy) {
    boolean answer(boolean truth, SplittableRandom random) {
      return switch (behaviour) {
        case HONEST -> random.nextDouble() < accuracy ? truth : !truth;
        case RANDOM -> random.nextBoolean();
        case ALWAYS_YES -> true;
      };
    }
  }

  record Crowd(String name, List<Worker> pool) {}

  /** Case (a): every worker is right 85% of the time. */
  static Crowd uniform(double accuracy) {
    return uniform(accuracy, POOL_SIZE);
  }

  static Crowd uniform(double accuracy, int size) {
    List<Worker> pool = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      pool.add(new Worker("w" + i, Behaviour.HONEST, accuracy));
    }
    return new Crowd("uniform " + accuracy, pool);
  }

  /** Case (b): 70% honest (accuracy uniform in 0.80–0.97), 20% random, 10% always-yes. */
  static Crowd mixed(long seed) {
    return mixed(seed, POOL_SIZE);
  }

  static Crowd mixed(long seed, int size) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Worker> pool = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      double share = (double) i / size;
      Behaviour behaviour =
          share < 0.7 ? Behaviour.HONEST : share < 0.9 ? Behaviour.RANDOM : Behaviour.ALWAYS_YES;
      pool.add(new Worker("w" + i, behaviour, 0.80 + 0.17 * random.nextDouble()));
    }
    return new Crowd("mixed", pool);
  }

  private final AdjudicationSettings settings;
  private final Adjudicator adjudicator;

  CrowdSimulation(AdjudicationSettings settings) {
    this.settings = settings;
    this.adjudicator = new Adjudicator(settings);
  }

  CrowdReport run(Crowd crowd, double positiveRate, int tasks, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Learner learner = new Learner();
    int decided = 0;
    int correct = 0;
    long answers = 0;
    long received = 0;
    int majority3 = 0;
    int majority5 = 0;
    for (int task = 0; task < tasks; task++) {
      boolean truth = random.nextDouble() < positiveRate;
      List<WorkerAnswer> offered = answersFromDistinctWorkers(crowd, truth, task, random);
      Outcome outcome = adjudicate(offered, learner.reliability());
      learner.read(task, outcome.used());
      answers += outcome.paidAnswers();
      received += outcome.used().size();
      if (outcome.decision() instanceof Decided d) {
        decided++;
        correct += d.containsTarget() == truth ? 1 : 0;
      }
      majority3 += majority(offered, 3) == truth ? 1 : 0;
      majority5 += majority(offered, 5) == truth ? 1 : 0;
    }
    return new CrowdReport(
        crowd.name(),
        positiveRate,
        tasks,
        decided,
        correct,
        answers,
        received,
        majority3,
        majority5);
  }

  /**
   * The service's way: answers come in rounds (a round is read when all its answers are in, as when
   * MTurk lists the HIT reviewable), rounds end in an order set by the workers' delays, and each of
   * {@code partitions} learns on its own from the tasks it decides. Tasks start {@code gap}
   * simulated seconds apart; with a gap of 0 all start at once, and the first tasks decided are
   * mostly those whose first answers agreed: the learner sees a biased sample while thousands of
   * tasks are in flight.
   */
  RoundReport runInRounds(
      Crowd crowd, double positiveRate, int tasks, long seed, int partitions, double gap) {
    SplittableRandom random = new SplittableRandom(seed);
    Learner[] learners = new Learner[partitions];
    for (int p = 0; p < partitions; p++) {
      learners[p] = new Learner();
    }
    PriorityQueue<RoundEnd> due = new PriorityQueue<>(Comparator.comparingDouble(RoundEnd::at));
    boolean[] truth = new boolean[tasks];
    List<List<WorkerAnswer>> offered = new ArrayList<>();
    int[] asked = new int[tasks];
    long answers = 0;
    long rounds = 0;
    for (int task = 0; task < tasks; task++) {
      truth[task] = random.nextDouble() < positiveRate;
      offered.add(answersFromDistinctWorkers(crowd, truth[task], task, random));
      Decision first = adjudicator.decide(List.of(), learners[task % partitions].reliability());
      asked[task] = ((NeedMore) first).additionalAnswers();
      answers += asked[task];
      rounds++;
      due.add(new RoundEnd(roundEnd(task * gap, asked[task], random), task, 0));
    }
    int decided = 0;
    int correct = 0;
    while (!due.isEmpty()) {
      RoundEnd end = due.poll();
      int task = end.task();
      int partition = task % partitions;
      List<WorkerAnswer> received = offered.get(task).subList(0, asked[task]);
      Decision decision = adjudicator.decide(received, learners[partition].reliability());
      learners[partition].read(task, received.subList(end.from(), received.size()));
      if (decision instanceof NeedMore more) {
        asked[task] += more.additionalAnswers();
        answers += more.additionalAnswers();
        rounds++;
        due.add(
            new RoundEnd(
                roundEnd(end.at(), more.additionalAnswers(), random),
                task,
                asked[task] - more.additionalAnswers()));
      } else if (decision instanceof Decided d) {
        decided++;
        correct += d.containsTarget() == truth[task] ? 1 : 0;
      }
    }
    return new RoundReport(
        crowd.name(), positiveRate, gap, tasks, decided, correct, answers, rounds);
  }

  /** Learns as the service's {@code WorkerBook} does, from a window of recent answers. */
  private final class Learner {
    private final RecentAnswers window = new RecentAnswers(settings);
    private WorkerReliability reliability = WorkerReliability.empty();

    WorkerReliability reliability() {
      return reliability;
    }

    void read(int task, List<WorkerAnswer> answers) {
      if (window.add(String.valueOf(task), answers)) {
        reliability = adjudicator.learn(window.byTask());
      }
    }
  }

  private record RoundEnd(double at, int task, int from) {}

  /**
   * When a round of n answers asked at {@code start} is all in: the last of n workers' arrival and
   * answer delays, log-normal with the default crowd file's medians (30 s and 45 s).
   */
  private static double roundEnd(double start, int n, SplittableRandom random) {
    double last = 0;
    for (int i = 0; i < n; i++) {
      double arrival = 30 * Math.exp(random.nextGaussian());
      double latency = 45 * Math.exp(0.6 * random.nextGaussian());
      last = Math.max(last, arrival + latency);
    }
    return start + last;
  }

  /** One case of {@link #runInRounds}; rounds per task is what polling costs per task. */
  record RoundReport(
      String crowd,
      double positiveRate,
      double gap,
      int tasks,
      int decided,
      int correct,
      long answers,
      long rounds)
      implements CaseFigures {

    double roundsPerTask() {
      return (double) rounds / tasks;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%-12s positives %3.0f%%  start gap %3.1f s  tasks %6d  accuracy %6.2f%%  decided %6.2f%%"
              + "  answers/task %.2f  rounds/task %.2f",
          crowd,
          100 * positiveRate,
          gap,
          tasks,
          100 * accuracy(),
          100 * decidedShare(),
          answersPerTask(),
          roundsPerTask());
    }
  }

  /**
   * The four cases round by round as in the service: 100 workers (the simulator's crowd files),
   * three partitions, tasks starting {@code gap} simulated seconds apart.
   */
  List<RoundReport> benchmarkInRounds(int tasks, long seed, double gap) {
    List<RoundReport> reports = new ArrayList<>();
    for (Crowd crowd : List.of(uniform(0.85, 100), mixed(seed, 100))) {
      for (double positiveRate : List.of(0.5, 0.2)) {
        reports.add(runInRounds(crowd, positiveRate, tasks, seed + reports.size(), 3, gap));
      }
    }
    return reports;
  }

  private record Outcome(Decision decision, List<WorkerAnswer> used, int paidAnswers) {}

  /** Feeds answers one by one, asking for more only when nothing is outstanding. */
  private Outcome adjudicate(List<WorkerAnswer> offered, WorkerReliability reliability) {
    List<WorkerAnswer> received = new ArrayList<>();
    int requested = 0;
    Decision decision = adjudicator.decide(received, reliability);
    while (decision instanceof NeedMore more) {
      int outstanding = requested - received.size();
      requested += Math.max(0, more.additionalAnswers() - outstanding);
      received.add(offered.get(received.size()));
      decision = adjudicator.decide(received, reliability);
    }
    return new Outcome(decision, received, requested);
  }

  private static List<WorkerAnswer> answersFromDistinctWorkers(
      Crowd crowd, boolean truth, int task, SplittableRandom random) {
    List<Worker> pool = new ArrayList<>(crowd.pool());
    List<WorkerAnswer> answers = new ArrayList<>();
    for (int i = 0; i < AdjudicationSettings.MAX_ANSWERS_LIMIT; i++) {
      Worker worker = pool.remove(random.nextInt(pool.size()));
      answers.add(new WorkerAnswer(worker.id(), task + "/" + i, worker.answer(truth, random)));
    }
    return answers;
  }

  private static boolean majority(List<WorkerAnswer> answers, int size) {
    long yes = answers.stream().limit(size).filter(WorkerAnswer::containsTarget).count();
    return 2 * yes > size;
  }

  /** The four benchmark cases: both crowds, each at 50% and 20% positives. */
  List<CrowdReport> benchmark(int tasks, long seed) {
    List<CrowdReport> reports = new ArrayList<>();
    for (Crowd crowd : List.of(uniform(0.85), mixed(seed))) {
      for (double positiveRate : List.of(0.5, 0.2)) {
        reports.add(run(crowd, positiveRate, tasks, seed + reports.size()));
      }
    }
    return reports;
  }

  /**
   * Prints the four benchmark cases at full size with the default settings: one by one, then round
   * by round with tasks 2 simulated seconds apart (a steady stream) and all at once (a burst).
   */
  public static void main(String[] args) {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    CrowdSimulation simulation = new CrowdSimulation(AdjudicationSettings.defaults());
    for (CrowdReport report : simulation.benchmark(tasks, 42)) {
      System.out.println(report);
    }
    for (double gap : new double[] {2, 0}) {
      for (RoundReport report : simulation.benchmarkInRounds(tasks, 42, gap)) {
        System.out.println(report);
      }
    }
  }
}
