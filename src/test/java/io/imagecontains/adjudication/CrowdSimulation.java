package io.imagecontains.adjudication;

import io.imagecontains.adjudication.Decision.Decided;
import io.imagecontains.adjudication.Decision.NeedMore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

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
  private final ExclusionRule exclusion;

  /** With the service's default exclusion of uninformative workers. */
  CrowdSimulation(AdjudicationSettings settings) {
    this(settings, SERVICE_EXCLUSION);
  }

  /**
   * @param exclusion who to keep off further tasks after each fit, as the service does; null for
   *     nobody
   */
  CrowdSimulation(AdjudicationSettings settings, ExclusionRule exclusion) {
    this.settings = settings;
    this.adjudicator = new Adjudicator(settings);
    this.exclusion = exclusion;
  }

  static final ExclusionRule SERVICE_EXCLUSION =
      new ExclusionRule(
          ExclusionRule.DEFAULT_MIN_ANSWERS,
          ExclusionRule.DEFAULT_MAX_WEIGHT,
          ExclusionRule.DEFAULT_MAX_SHARE);

  CrowdReport run(Crowd crowd, double positiveRate, int tasks, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> excluded = new HashSet<>();
    Learner learner = new Learner(excluded);
    int decided = 0;
    int correct = 0;
    long answers = 0;
    long received = 0;
    int majority3 = 0;
    int majority5 = 0;
    for (int task = 0; task < tasks; task++) {
      boolean truth = random.nextDouble() < positiveRate;
      WorkerAnswer[] offered = new WorkerAnswer[AdjudicationSettings.MAX_ANSWERS_LIMIT];
      for (int i = 0; i < offered.length; i++) {
        offered[i] = draw(crowd, truth, task, i, offered, Set.of(), random);
      }
      majority3 += majority(offered, 3) == truth ? 1 : 0;
      majority5 += majority(offered, 5) == truth ? 1 : 0;
      int t = task;
      WorkerAnswer[] asked = new WorkerAnswer[offered.length];
      Outcome outcome =
          adjudicate(
              i -> asked[i] = draw(crowd, truth, t, i, asked, excluded, random),
              learner.reliability());
      learner.read(task, outcome.used());
      answers += outcome.paidAnswers();
      received += outcome.used().size();
      if (outcome.decision() instanceof Decided d) {
        decided++;
        correct += d.containsTarget() == truth ? 1 : 0;
      }
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
   * {@code partitions} learns on its own. Each answer's worker is drawn when they arrive to accept
   * the assignment, so exclusions apply from then on, as on MTurk. Tasks start {@code gap}
   * simulated seconds apart; with a gap of 0 all start at once.
   */
  RoundReport runInRounds(
      Crowd crowd, double positiveRate, int tasks, long seed, int partitions, double gap) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> excluded = new HashSet<>();
    Learner[] learners = new Learner[partitions];
    for (int p = 0; p < partitions; p++) {
      learners[p] = new Learner(excluded);
    }
    PriorityQueue<Event> events = new PriorityQueue<>(Comparator.comparingDouble(Event::at));
    boolean[] truth = new boolean[tasks];
    WorkerAnswer[][] offered = new WorkerAnswer[tasks][AdjudicationSettings.MAX_ANSWERS_LIMIT];
    int[] asked = new int[tasks];
    long answers = 0;
    long rounds = 0;
    for (int task = 0; task < tasks; task++) {
      truth[task] = random.nextDouble() < positiveRate;
      Decision first = adjudicator.decide(List.of(), learners[task % partitions].reliability());
      asked[task] = ((NeedMore) first).additionalAnswers();
      answers += asked[task];
      rounds++;
      scheduleRound(task * gap, task, 0, asked[task], random, events);
    }
    int decided = 0;
    int correct = 0;
    while (!events.isEmpty()) {
      Event event = events.poll();
      int task = event.task();
      if (event.arrival()) {
        offered[task][event.index()] =
            draw(crowd, truth[task], task, event.index(), offered[task], excluded, random);
        continue;
      }
      int partition = task % partitions;
      List<WorkerAnswer> received = Arrays.asList(offered[task]).subList(0, asked[task]);
      Decision decision = adjudicator.decide(received, learners[partition].reliability());
      learners[partition].read(task, received.subList(event.index(), received.size()));
      if (decision instanceof NeedMore more) {
        int from = asked[task];
        asked[task] += more.additionalAnswers();
        answers += more.additionalAnswers();
        rounds++;
        scheduleRound(event.at(), task, from, more.additionalAnswers(), random, events);
      } else if (decision instanceof Decided d) {
        decided++;
        correct += d.containsTarget() == truth[task] ? 1 : 0;
      }
    }
    return new RoundReport(
        crowd.name(), positiveRate, gap, tasks, decided, correct, answers, rounds);
  }

  /**
   * Learns as the service's {@code WorkerBook} does: fits to a window of recent answers, then
   * excludes the workers the rule finds uninformative (into a set all partitions share, as MTurk
   * applies an exclusion to every HIT).
   */
  private final class Learner {
    private final RecentAnswers window = new RecentAnswers(settings);
    private final Set<String> excluded;
    private WorkerReliability reliability = WorkerReliability.empty();

    Learner(Set<String> excluded) {
      this.excluded = excluded;
    }

    WorkerReliability reliability() {
      return reliability;
    }

    void read(int task, List<WorkerAnswer> answers) {
      if (window.add(String.valueOf(task), answers)) {
        reliability = adjudicator.learn(window.byTask());
        if (exclusion != null) {
          excluded.addAll(exclusion.toExclude(reliability, excluded, adjudicator));
        }
      }
    }
  }

  /**
   * A round's events: each worker arriving to accept one of its {@code n} assignments, and the
   * round's end when the last of them has answered. Delays are log-normal with the default crowd
   * file's medians (30 s to arrive, 45 s to answer).
   */
  private static void scheduleRound(
      double start,
      int task,
      int from,
      int n,
      SplittableRandom random,
      PriorityQueue<Event> events) {
    double last = 0;
    for (int i = 0; i < n; i++) {
      double arrival = 30 * Math.exp(random.nextGaussian());
      double latency = 45 * Math.exp(0.6 * random.nextGaussian());
      events.add(new Event(start + arrival, task, from + i, true));
      last = Math.max(last, arrival + latency);
    }
    events.add(new Event(start + last, task, from, false));
  }

  /**
   * @param index the answer's place in its task; for a round's end, where the round's answers start
   * @param arrival a worker arriving to accept, rather than a round ending
   */
  private record Event(double at, int task, int index, boolean arrival) {}

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

  /** Hands answers over one by one, asking for more only when nothing is outstanding. */
  private Outcome adjudicate(IntFunction<WorkerAnswer> answer, WorkerReliability reliability) {
    List<WorkerAnswer> received = new ArrayList<>();
    int requested = 0;
    Decision decision = adjudicator.decide(received, reliability);
    while (decision instanceof NeedMore more) {
      int outstanding = requested - received.size();
      requested += Math.max(0, more.additionalAnswers() - outstanding);
      received.add(answer.apply(received.size()));
      decision = adjudicator.decide(received, reliability);
    }
    return new Outcome(decision, received, requested);
  }

  /**
   * The answer of a worker drawn at random from the crowd: not one already in {@code taken}, and
   * not an excluded one while any other is left.
   */
  private static WorkerAnswer draw(
      Crowd crowd,
      boolean truth,
      int task,
      int index,
      WorkerAnswer[] taken,
      Set<String> excluded,
      SplittableRandom random) {
    Set<String> busy = new HashSet<>();
    for (WorkerAnswer answer : taken) {
      if (answer != null) {
        busy.add(answer.workerId());
      }
    }
    List<Worker> free = new ArrayList<>();
    List<Worker> allowed = new ArrayList<>();
    for (Worker worker : crowd.pool()) {
      if (!busy.contains(worker.id())) {
        free.add(worker);
        if (!excluded.contains(worker.id())) {
          allowed.add(worker);
        }
      }
    }
    List<Worker> from = allowed.isEmpty() ? free : allowed;
    Worker worker = from.get(random.nextInt(from.size()));
    return new WorkerAnswer(worker.id(), task + "/" + index, worker.answer(truth, random));
  }

  private static boolean majority(WorkerAnswer[] answers, int size) {
    long yes = Arrays.stream(answers).limit(size).filter(WorkerAnswer::containsTarget).count();
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
