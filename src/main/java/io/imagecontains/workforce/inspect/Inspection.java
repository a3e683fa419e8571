package io.imagecontains.workforce.inspect;

import io.imagecontains.workforce.crowd.GroundTruth;
import io.imagecontains.workforce.crowd.QuestionSubject;
import io.imagecontains.workforce.crowd.SimulatedCrowd;
import io.imagecontains.workforce.crowd.SimulatedWorker;
import io.imagecontains.workforce.hits.Assignment;
import io.imagecontains.workforce.hits.Hit;
import io.imagecontains.workforce.hits.HitRegistry;
import io.imagecontains.workforce.protocol.CallStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What tests and benchmarks may ask the simulator: HITs per task (no duplicates?), every HIT with
 * its status and assignments, the ground truth, and calls received by operation. Thread-safe: each
 * answer is a snapshot taken under the registry lock.
 */
public final class Inspection {
  private final HitRegistry registry;
  private final CallStats stats;
  private static final Pattern FREE_TEXT = Pattern.compile("<FreeText>([^<]*)</FreeText>");
  private final SimulatedCrowd crowd;
  private final GroundTruth truth;

  public Inspection(HitRegistry registry, CallStats stats, SimulatedCrowd crowd) {
    this.registry = registry;
    this.stats = stats;
    this.crowd = crowd;
    this.truth = crowd.truth();
  }

  public List<HitSummary> hits() {
    return registry.read(
        () -> {
          Instant now = registry.now();
          return registry.hits().stream().map(h -> summary(h, now)).toList();
        });
  }

  /** Number of HITs ever created per task key (see {@link TaskKey}), disposed ones included. */
  public Map<String, Long> hitsCreatedByTask() {
    return registry.read(
        () ->
            registry.hits().stream()
                .collect(
                    Collectors.groupingBy(
                        h -> TaskKey.of(h.request()), TreeMap::new, Collectors.counting())));
  }

  public long hitsCreatedFor(String taskKey) {
    return hitsCreatedByTask().getOrDefault(taskKey, 0L);
  }

  /** Task keys with more than one HIT: must stay empty for an exactly-once requester. */
  public Map<String, Long> duplicateTasks() {
    Map<String, Long> duplicates = new TreeMap<>(hitsCreatedByTask());
    duplicates.values().removeIf(n -> n < 2);
    return duplicates;
  }

  public Map<String, Long> callsByOperation() {
    return stats.byOperation();
  }

  public Map<CallStats.Outcome, Long> callsByOutcome() {
    return stats.byOutcome();
  }

  public Instant now() {
    return registry.now();
  }

  private HitSummary summary(Hit hit, Instant now) {
    Optional<QuestionSubject> subject = QuestionSubject.of(hit.request());
    List<HitSummary.AssignmentSummary> assignments =
        hit.assignments().stream().map(Inspection::summary).toList();
    return new HitSummary(
        hit.id(),
        TaskKey.of(hit.request()),
        hit.status(now).name(),
        hit.maxAssignments(),
        hit.creationTime(),
        hit.expiration(),
        subject.map(QuestionSubject::url).orElse(null),
        subject.map(QuestionSubject::label).orElse(null),
        subject.map(s -> truth.contains(s.url(), s.label())).orElse(null),
        assignments);
  }

  private static HitSummary.AssignmentSummary summary(Assignment a) {
    return new HitSummary.AssignmentSummary(
        a.id(), a.workerId(), a.status().name(), a.submitTime(), freeText(a.answer()));
  }

  private static String freeText(String answer) {
    Matcher m = answer == null ? null : FREE_TEXT.matcher(answer);
    return m != null && m.find() && answer.endsWith("</QuestionFormAnswers>") ? m.group(1) : null;
  }

  /** Who the simulated workers are: id, group, behaviour and accuracy (for benchmarks). */
  public List<SimulatedWorker> workers() {
    return crowd.workers();
  }
}
