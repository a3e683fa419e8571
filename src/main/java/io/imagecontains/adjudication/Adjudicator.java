package io.imagecontains.adjudication;

import io.imagecontains.adjudication.Decision.Decided;
import io.imagecontains.adjudication.Decision.NeedMore;
import io.imagecontains.adjudication.Decision.Undecidable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether an image contains the target from workers' answers: a sequential test on
 * agreement. Each answer adds the log likelihood ratio of what that worker said, from their learned
 * sensitivity and specificity, to the prior log-odds; a side wins once its posterior reaches the
 * confidence threshold. Until then it asks for the fewest answers that could get there, up to the
 * cap. A pure function: the caller keeps the answers and the reliability view.
 *
 * <p>How the core uses it: on each new answer, {@link #decide} with all the task's answers so far.
 * On {@code NeedMore(n)}, ask MTurk for {@code n} minus the assignments still outstanding (none if
 * that is not positive). On {@code Decided}, complete the task; on {@code Undecidable}, fail it
 * with its code. Every so many answers read, decided or not, replace the reliability view with
 * {@link #learn} over a window of recent tasks' answers.
 */
public final class Adjudicator {

  private static final double EPSILON = 1e-9;

  /** Weight, in decided tasks, of the configured class prior against the observed share. */
  private static final double CLASS_PRIOR_STRENGTH = 20;

  private static final double MAX_CLASS_PRIOR = 0.9;

  /**
   * One answer never decides, however good the worker's record and however common the answer: a
   * single careless or dishonest worker must not settle a task on their own.
   */
  static final int MIN_ANSWERS_TO_DECIDE = 2;

  private final AdjudicationSettings settings;
  private final double decisiveLogOdds;
  private final double planningWeight;
  private final ReliabilityFit fit;

  public Adjudicator(AdjudicationSettings settings) {
    this.settings = settings;
    this.decisiveLogOdds = logit(settings.confidence());
    this.planningWeight = logit(settings.planningAccuracy());
    this.fit = new ReliabilityFit(this, settings);
  }

  public AdjudicationSettings settings() {
    return settings;
  }

  /**
   * The decision on a task given its answers so far (in arrival order; repeated assignments and
   * second answers by the same worker are ignored).
   */
  public Decision decide(List<WorkerAnswer> answers, WorkerReliability reliability) {
    List<WorkerAnswer> counted = oncePerWorker(answers);
    List<String> assignmentIds = counted.stream().map(WorkerAnswer::assignmentId).toList();
    CrowdPrior crowd = reliability.crowdPrior(settings);
    double logOdds = priorLogOdds(reliability);
    for (WorkerAnswer answer : counted) {
      logOdds += weightOf(answer, reliability.statsOf(answer.workerId()), crowd);
    }
    boolean leaning = logOdds >= 0;
    double confidence = sigmoid(Math.abs(logOdds));
    boolean corroborated = counted.size() >= MIN_ANSWERS_TO_DECIDE;
    if (corroborated && Math.abs(logOdds) >= decisiveLogOdds - EPSILON) {
      return new Decided(leaning, confidence, assignmentIds);
    }
    int room = settings.maxAnswers() - counted.size();
    if (room <= 0) {
      return new Undecidable(leaning, confidence, assignmentIds);
    }
    int fewest = Math.max(MIN_ANSWERS_TO_DECIDE - counted.size(), fewestThatCouldDecide(logOdds));
    return new NeedMore(Math.min(room, fewest));
  }

  /**
   * The reliability view fitted to recent tasks' answers, decided or not (see {@link
   * ReliabilityFit}).
   *
   * @param recent each task's answers so far, oldest task first
   */
  public WorkerReliability learn(Collection<List<WorkerAnswer>> recent) {
    return fit.fit(recent);
  }

  /**
   * Log likelihood ratio of one answer, for "contains". Clamped so that a worker's "yes" never
   * counts against "contains" (nor a "no" for it): a worker who looks adversarial is ignored rather
   * than inverted, since that look is more often noise than malice.
   */
  double weightOf(WorkerAnswer answer, WorkerStats stats, CrowdPrior crowd) {
    return weightOf(answer.containsTarget(), stats, crowd);
  }

  double weightOf(boolean containsTarget, WorkerStats stats, CrowdPrior crowd) {
    double sensitivity =
        clamp(stats.sensitivity(crowd.sensitivityMean(), crowd.sensitivityStrength()));
    double specificity =
        clamp(stats.specificity(crowd.specificityMean(), crowd.specificityStrength()));
    if (containsTarget) {
      return Math.max(0, Math.log(sensitivity / (1 - specificity)));
    }
    return -Math.max(0, Math.log(specificity / (1 - sensitivity)));
  }

  /**
   * Log-odds that an image contains the target before any answer: the configured class prior, moved
   * towards the share of positives decided so far. Bounded at 90%, so that a long run of one kind
   * of image never makes the other kind too expensive to recognise.
   */
  double priorLogOdds(WorkerReliability reliability) {
    double share =
        (reliability.positiveDecisions() + settings.classPrior() * CLASS_PRIOR_STRENGTH)
            / (reliability.decisions() + CLASS_PRIOR_STRENGTH);
    return logit(Math.min(MAX_CLASS_PRIOR, Math.max(1 - MAX_CLASS_PRIOR, share)));
  }

  /**
   * Answers needed, all on one side and each as telling as a good worker's, to reach confidence
   * from here. Planning with a newcomer's weight instead would ask for answers that good workers
   * make unnecessary, and they are paid all the same.
   */
  private int fewestThatCouldDecide(double logOdds) {
    double gap = decisiveLogOdds - Math.abs(logOdds);
    return Math.max(1, (int) Math.ceil(gap / planningWeight - EPSILON));
  }

  private double clamp(double accuracy) {
    double max = settings.maxWorkerAccuracy();
    return Math.min(max, Math.max(1 - max, accuracy));
  }

  static List<WorkerAnswer> oncePerWorker(List<WorkerAnswer> answers) {
    Set<String> workers = new HashSet<>();
    Set<String> assignments = new HashSet<>();
    List<WorkerAnswer> counted = new ArrayList<>();
    for (WorkerAnswer answer : answers) {
      if (assignments.add(answer.assignmentId()) && workers.add(answer.workerId())) {
        counted.add(answer);
      }
    }
    return counted;
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
