package io.imagecontains.workforce.hits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a worker can do on the marketplace, with MTurk's rules: accept an assignable HIT whose
 * Qualification requirements the worker meets (never two assignments of one HIT), submit before the
 * assignment's deadline, or give the assignment back. All methods are thread-safe; they take the
 * registry lock.
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
   * Accepts one assignment of the HIT, or nothing if it is not assignable, the worker had one, or
   * the worker does not meet its Qualification requirements (see {@link #mayWork}).
   */
  Optional<Assignment> accept(String hitId, String workerId);

  /**
   * Whether the worker meets every Qualification requirement of the HIT now, as {@link #accept}
   * checks them (requirements on types not created in this simulator are not enforced). Says
   * nothing about whether the HIT is assignable or the worker already has an assignment of it.
   */
  boolean mayWork(Hit hit, String workerId);

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
