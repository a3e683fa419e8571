package io.imagecontains.workforce.hits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a worker can do on the marketplace, with MTurk's rules: accept an assignable HIT (never two
 * assignments of one HIT), submit before the assignment's deadline, or give the assignment back.
 * All methods are thread-safe; they take the registry lock.
 */
public interface Workplace {

  /** The simulated present. */
  Instant now();

  /**
   * Runs {@code action} under the registry lock at simulated instant {@code when}: as soon as any
   * call brings the registry past that instant, and before that call's own work, in time order.
   */
  void at(Instant when, Runnable action);

  /**
   * Accepts one assignment of the HIT, or nothing if it is not assignable or the worker had one.
   */
  Optional<Assignment> accept(String hitId, String workerId);

  /**
   * Submits an answer (QuestionFormAnswers XML, passed through to the requester as-is).
   *
   * @throws TurkError if the assignment is not accepted-and-open or its deadline passed
   */
  void submit(String assignmentId, String answerXml);

  /** Gives an accepted assignment back, freeing its slot for someone else. */
  void giveBack(String assignmentId);

  /** HITs a worker could accept now, oldest first. */
  List<Hit> assignableHits();
}
