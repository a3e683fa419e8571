package io.imagecontains.adjudication;

import io.imagecontains.adjudication.Decision.Decided;
import io.imagecontains.adjudication.Decision.NeedMore;
import java.util.ArrayList;
import java.util.List;
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
    List<Worker> pool = new ArrayList<>();
    for (int i = 0; i < POOL_SIZE; i++) {
      pool.add(new Worker("w" + i, Behaviour.HONEST, accuracy));
    }
    return new Crowd("uniform " + accuracy, pool);
  }

  /** Case (b): 70% honest (accuracy uniform in 0.80–0.97), 20% random, 10% always-yes. */
  static Crowd mixed(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Worker> pool = new ArrayList<>();
    for (int i = 0; i < POOL_SIZE; i++) {
      double share = (double) i / POOL_SIZE;
      Behaviour behaviour =
          share < 0.7 ? Behaviour.HONEST : share < 0.9 ? Behaviour.RANDOM : Behaviour.ALWAYS_YES;
      pool.add(new Worker("w" + i, behaviour, 0.80 + 0.17 * random.nextDouble()));
    }
    return new Crowd("mixed", pool);
  }

  private final Adjudicator adjudicator;

  CrowdSimulation(AdjudicationSettings settings) {
    this.adjudicator = new Adjudicator(settings);
  }

  CrowdReport run(Crowd crowd, double positiveRate, int tasks, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    WorkerReliability reliability = WorkerReliability.empty();
    int decided = 0;
    int correct = 0;
    long answers = 0;
    long received = 0;
    int majority3 = 0;
    int majority5 = 0;
    for (int task = 0; task < tasks; task++) {
      boolean truth = random.nextDouble() < positiveRate;
      List<WorkerAnswer> offered = answersFromDistinctWorkers(crowd, truth, task, random);
      Outcome outcome = adjudicate(offered, reliability);
      answers += outcome.paidAnswers();
      received += outcome.used().size();
      if (outcome.decision() instanceof Decided d) {
        decided++;
        correct += d.containsTarget() == truth ? 1 : 0;
        reliability = adjudicator.learnFrom(outcome.used(), d.containsTarget(), reliability);
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

  /** Prints the four benchmark cases at full size with the default settings. */
  public static void main(String[] args) {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    CrowdSimulation simulation = new CrowdSimulation(AdjudicationSettings.defaults());
    for (CrowdReport report : simulation.benchmark(tasks, 42)) {
      System.out.println(report);
    }
  }
}
