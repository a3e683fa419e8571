package io.imagecontains.workforce.crowd;

import io.imagecontains.workforce.hits.Assignment;
import io.imagecontains.workforce.hits.Hit;
import io.imagecontains.workforce.hits.TurkError;
import io.imagecontains.workforce.hits.WorkerSource;
import io.imagecontains.workforce.hits.Workplace;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Simulated workers answering HITs. For each open slot, after a log-normal arrival delay, a worker
 * drawn at random from the crowd (never one who already worked on that HIT, nor one who does not
 * meet its Qualification requirements, see {@link Workplace#mayWork}) accepts it; then it either
 * abandons (the deadline passes, MTurk reopens the slot) or submits after its answer latency,
 * answering from the ground truth according to its behaviour. When no worker of the crowd may take
 * the slot, it stays open: nobody comes back for it unless it is announced again (an extension, a
 * reopening expiry, an abandoned assignment).
 *
 * <p>Thread safety: called only under the registry lock (see {@link WorkerSource}), which also
 * guards the random generator, so a seeded run is reproducible.
 */
public final class SimulatedCrowd implements WorkerSource {
  private static final Logger LOG = Logger.getLogger(SimulatedCrowd.class.getName());
  private static final int DRAW_ATTEMPTS = 16;

  private final CrowdSpec spec;
  private final List<SimulatedWorker> workers;
  private final GroundTruth truth;
  private final AnswerPoison crowdPoison;

  /** Answer writers by group name: a group's own poison, or the crowd's. */
  private final Map<String, AnswerXml> answersByGroup = new HashMap<>();

  private final Random random;

  /** Parsing the question once per HIT, not per answer; HITs are never forgotten either. */
  private final Map<String, Optional<Boolean>> truthByHit = new HashMap<>();

  private final Map<String, String> labelByHit = new HashMap<>();

  /** Labels some group is confined to: only those groups work on them. */
  private final Set<String> reserved;

  public SimulatedCrowd(CrowdSpec spec, GroundTruth truth, AnswerPoison poison, long seed) {
    this.spec = spec;
    this.random = new Random(seed);
    this.workers = Roster.enlist(spec, random);
    this.reserved = new HashSet<>();
    spec.groups().forEach(g -> reserved.addAll(g.labels()));
    this.truth = truth;
    this.crowdPoison = poison;
  }

  public List<SimulatedWorker> workers() {
    return workers;
  }

  public GroundTruth truth() {
    return truth;
  }

  @Override
  public void slotOpened(Hit hit, Workplace workplace) {
    Instant arrival = workplace.now().plus(spec.arrival().sample(random));
    workplace.at(arrival, () -> arrive(hit, workplace));
  }

  private void arrive(Hit hit, Workplace workplace) {
    Optional<SimulatedWorker> worker = drawWorkerFor(hit, workplace);
    if (worker.isEmpty()) {
      return; // everyone who may work on it already did: the slot stays open
    }
    Optional<Assignment> taken = workplace.accept(hit.id(), worker.get().id());
    taken.ifPresent(a -> work(hit, worker.get(), a, workplace));
  }

  private void work(Hit hit, SimulatedWorker worker, Assignment assignment, Workplace workplace) {
    Duration latency = worker.answerLatency(random);
    boolean inTime = latency.compareTo(hit.request().assignmentDuration()) < 0;
    if (worker.abandons(random) || !inTime) {
      return; // MTurk abandons it at the deadline and reopens the slot
    }
    String answer = answersOf(worker).write(answerOf(worker, hit), random);
    workplace.at(
        assignment.acceptTime().plus(latency), () -> submit(assignment, answer, workplace));
  }

  private boolean mayTake(SimulatedWorker w, Hit hit, String label, Workplace workplace) {
    return !hit.hasWorked(w.id()) && takes(w, label) && workplace.mayWork(hit, w.id());
  }

  /** A group that names labels works on those only; the others on any label nobody reserved. */
  private boolean takes(SimulatedWorker worker, String label) {
    List<String> own = worker.spec().labels();
    return own.isEmpty() ? label == null || !reserved.contains(label) : own.contains(label);
  }

  private String labelOf(Hit hit) {
    return labelByHit.computeIfAbsent(
        hit.id(), id -> QuestionSubject.of(hit.request()).map(QuestionSubject::label).orElse(""));
  }

  private AnswerXml answersOf(SimulatedWorker worker) {
    return answersByGroup.computeIfAbsent(
        worker.group(),
        g -> {
          AnswerPoison own = worker.spec().poison();
          return new AnswerXml(
              own == null ? crowdPoison : own.withXxeTarget(crowdPoison.xxeTarget()));
        });
  }

  private boolean answerOf(SimulatedWorker worker, Hit hit) {
    Optional<Boolean> truthOfHit = truthByHit.computeIfAbsent(hit.id(), id -> truthOf(hit));
    return truthOfHit.isEmpty()
        ? random.nextBoolean()
        : worker.answersYes(truthOfHit.get(), random);
  }

  private Optional<Boolean> truthOf(Hit hit) {
    Optional<QuestionSubject> subject = QuestionSubject.of(hit.request());
    if (subject.isEmpty()) {
      LOG.fine(() -> "HIT " + hit.id() + " names no image and label; its workers guess");
    }
    return subject.map(s -> truth.contains(s.url(), s.label()));
  }

  private void submit(Assignment assignment, String answer, Workplace workplace) {
    try {
      workplace.submit(assignment.id(), answer);
    } catch (TurkError e) {
      LOG.fine(() -> "submission refused: " + e.getMessage());
    }
  }

  /** A worker new to the HIT, who takes its label and may work on it; none if nobody is left. */
  private Optional<SimulatedWorker> drawWorkerFor(Hit hit, Workplace workplace) {
    String label = reserved.isEmpty() ? null : labelOf(hit);
    for (int i = 0; i < DRAW_ATTEMPTS; i++) {
      SimulatedWorker w = workers.get(random.nextInt(workers.size()));
      if (mayTake(w, hit, label, workplace)) {
        return Optional.of(w);
      }
    }
    List<SimulatedWorker> fresh =
        workers.stream().filter(w -> mayTake(w, hit, label, workplace)).toList();
    return fresh.isEmpty()
        ? Optional.empty()
        : Optional.of(fresh.get(random.nextInt(fresh.size())));
  }
}
