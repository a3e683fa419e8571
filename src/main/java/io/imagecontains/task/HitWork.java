package io.imagecontains.task;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The core's record of an {@code image-contains} task's HIT: where it is in its life, the answers
 * merged so far (by assignment id, so repeated events change nothing) and when the core looks at it
 * next. Immutable; each change returns a new value.
 *
 * @param token the UniqueRequestToken of the HIT's creation: the same on every retry
 * @param maxAssignments assignments asked for so far (initial plus extensions), at most 9
 * @param round extension rounds so far; part of each extension's request token
 * @param expiresAt epoch millis at which MTurk stops offering the HIT (0 until known)
 * @param answers readable answers, in arrival order
 * @param unreadable assignment ids whose answer could not be read (they count as received)
 * @param approved assignment ids approved so far
 * @param expired true once the HIT offers no more assignments
 * @param pollAttempt polls since answers last arrived: the backoff's exponent
 * @param wakeAt epoch millis at which the core looks at the task next; 0 for never
 * @param confidence the adjudicator's confidence in the current leaning
 * @param extending assignments added in the latest extension round that MTurk has not confirmed
 *     yet; 0 once confirmed (a failed extension is sent again with the same round and token)
 * @param pendingCalls calls sent to the gateway that have not been answered by an event yet: while
 *     there are any, a wake-up does not send the same calls again (they are queued, not lost)
 * @param pendingSince epoch millis of the latest call sent; 0 when none is pending
 */
public record HitWork(
    Phase phase,
    String token,
    String hitId,
    int maxAssignments,
    int round,
    long expiresAt,
    List<Answer> answers,
    List<String> unreadable,
    List<String> approved,
    boolean expired,
    int pollAttempt,
    long wakeAt,
    double confidence,
    int extending,
    int pendingCalls,
    long pendingSince) {

  /** Where the HIT is in its life. */
  public enum Phase {
    /** CreateHit sent; waiting for the HIT id. */
    CREATING,
    /** The HIT is out; answers are being collected and adjudicated. */
    COLLECTING,
    /** The task is decided or failed; approving, expiring and deleting the HIT. */
    CLEANUP,
    /** The HIT is deleted: nothing left to do. */
    DONE
  }

  /** One worker's readable answer. */
  public record Answer(String assignmentId, String workerId, boolean containsTarget, long at) {}

  public HitWork {
    answers = List.copyOf(answers);
    unreadable = List.copyOf(unreadable);
    approved = List.copyOf(approved);
  }

  public static HitWork creating(String token, int maxAssignments, long wakeAt) {
    return new HitWork(
        Phase.CREATING,
        token,
        null,
        maxAssignments,
        0,
        0,
        List.of(),
        List.of(),
        List.of(),
        false,
        0,
        wakeAt,
        0,
        0,
        0,
        0);
  }

  /** Answers received, readable or not: each used up one assignment. */
  public int received() {
    return answers.size() + unreadable.size();
  }

  /** True while the HIT may still hand out or receive assignments. */
  public boolean open() {
    return !expired && received() < maxAssignments;
  }

  /** Every received assignment id, readable or not. */
  public Set<String> receivedIds() {
    Set<String> ids = new LinkedHashSet<>();
    answers.forEach(a -> ids.add(a.assignmentId()));
    ids.addAll(unreadable);
    return ids;
  }

  /** Received assignments not approved yet. */
  public List<String> toApprove() {
    List<String> ids = new ArrayList<>(receivedIds());
    ids.removeAll(approved);
    return ids;
  }

  public HitWork withPhase(Phase next) {
    return edit(d -> d.phase = next);
  }

  public HitWork withHit(String id, int assignments, long expiry) {
    return edit(
        d -> {
          d.hitId = id;
          d.maxAssignments = assignments;
          d.expiresAt = expiry;
        });
  }

  public HitWork withAnswers(List<Answer> all, List<String> bad, int attempt) {
    return edit(
        d -> {
          d.answers = all;
          d.unreadable = bad;
          d.pollAttempt = attempt;
        });
  }

  /** {@code extra} more assignments in a new extension round, not confirmed yet. */
  public HitWork withExtension(int extra) {
    return edit(
        d -> {
          d.maxAssignments += extra;
          d.round++;
          d.extending = extra;
        });
  }

  /** MTurk confirmed the latest extension. */
  public HitWork withExtensionConfirmed() {
    return edit(d -> d.extending = 0);
  }

  public HitWork withApproved(List<String> ids) {
    return edit(d -> d.approved = ids);
  }

  public HitWork withExpired() {
    return edit(d -> d.expired = true);
  }

  public HitWork withPollAttempt(int attempt) {
    return edit(d -> d.pollAttempt = attempt);
  }

  public HitWork withWakeAt(long at) {
    return edit(d -> d.wakeAt = at);
  }

  public HitWork withConfidence(double value) {
    return edit(d -> d.confidence = value);
  }

  /** {@code count} more calls were sent at {@code now}. */
  public HitWork sent(int count, long now) {
    if (count <= 0) {
      return this;
    }
    return edit(
        d -> {
          d.pendingCalls += count;
          d.pendingSince = now;
        });
  }

  /** An event answered one of the pending calls. */
  public HitWork answered() {
    return edit(
        d -> {
          d.pendingCalls = Math.max(0, d.pendingCalls - 1);
          d.pendingSince = d.pendingCalls == 0 ? 0 : d.pendingSince;
        });
  }

  /**
   * True while calls are pending and the latest went out less than {@code timeout} ms ago. Past
   * that, the calls count as lost (an unreadable command, say) and may be sent again.
   */
  public boolean awaiting(long now, long timeout) {
    return pendingCalls > 0 && now - pendingSince < timeout;
  }

  /** A copy with {@code change} applied: one place that lists every field. */
  private HitWork edit(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new HitWork(
        d.phase,
        d.token,
        d.hitId,
        d.maxAssignments,
        d.round,
        d.expiresAt,
        d.answers,
        d.unreadable,
        d.approved,
        d.expired,
        d.pollAttempt,
        d.wakeAt,
        d.confidence,
        d.extending,
        d.pendingCalls,
        d.pendingSince);
  }

  /** The fields of a HitWork being edited. */
  private static final class Draft {
    Phase phase;
    final String token;
    String hitId;
    int maxAssignments;
    int round;
    long expiresAt;
    List<Answer> answers;
    List<String> unreadable;
    List<String> approved;
    boolean expired;
    int pollAttempt;
    long wakeAt;
    double confidence;
    int extending;
    int pendingCalls;
    long pendingSince;

    Draft(HitWork w) {
      phase = w.phase;
      token = w.token;
      hitId = w.hitId;
      maxAssignments = w.maxAssignments;
      round = w.round;
      expiresAt = w.expiresAt;
      answers = w.answers;
      unreadable = w.unreadable;
      approved = w.approved;
      expired = w.expired;
      pollAttempt = w.pollAttempt;
      wakeAt = w.wakeAt;
      confidence = w.confidence;
      extending = w.extending;
      pendingCalls = w.pendingCalls;
      pendingSince = w.pendingSince;
    }
  }
}
