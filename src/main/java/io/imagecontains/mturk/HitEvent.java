package io.imagecontains.mturk;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What the MTurk gateway reports back to the core, on the internal hit-events topic (key {@code
 * function/taskName}, so each event reaches the partition that owns its task). Events may repeat
 * (at-least-once): the core merges them by HIT id and assignment id.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HitEvent.HitCreated.class, name = "HitCreated"),
  @JsonSubTypes.Type(value = HitEvent.AssignmentsListed.class, name = "AssignmentsListed"),
  @JsonSubTypes.Type(value = HitEvent.AssignmentsAdded.class, name = "AssignmentsAdded"),
  @JsonSubTypes.Type(value = HitEvent.Approved.class, name = "Approved"),
  @JsonSubTypes.Type(value = HitEvent.HitExpired.class, name = "HitExpired"),
  @JsonSubTypes.Type(value = HitEvent.HitDeleted.class, name = "HitDeleted"),
  @JsonSubTypes.Type(value = HitEvent.CallFailed.class, name = "CallFailed"),
  @JsonSubTypes.Type(value = HitEvent.HitReviewable.class, name = "HitReviewable"),
})
public sealed interface HitEvent {

  /** The task ({@code function/taskName}) the event is about; also its Kafka key. */
  String taskKey();

  /** The HIT the event is about; null only when a CreateHit failed before one existed. */
  String hitId();

  /**
   * The task's HIT exists (newly created, or found again through {@code HitAlreadyExists}).
   *
   * @param expiresAt epoch millis at which MTurk stops offering the HIT
   */
  record HitCreated(String taskKey, String hitId, int maxAssignments, long expiresAt)
      implements HitEvent {}

  /** The HIT's submitted (or already reviewed) assignments, every page of them. */
  record AssignmentsListed(String taskKey, String hitId, List<WorkerAnswer> answers)
      implements HitEvent {}

  /** {@code count} more assignments were added in extension round {@code round}. */
  record AssignmentsAdded(String taskKey, String hitId, int round, int count) implements HitEvent {}

  /** These assignments are approved (or were already). */
  record Approved(String taskKey, String hitId, List<String> assignmentIds) implements HitEvent {}

  /** The HIT no longer offers assignments. */
  record HitExpired(String taskKey, String hitId) implements HitEvent {}

  /** The HIT is deleted (or was already gone). */
  record HitDeleted(String taskKey, String hitId) implements HitEvent {}

  /**
   * MTurk lists the HIT as Reviewable: every assignment asked for is submitted, or it expired with
   * none in progress. Not the answer to a command: the gateway's {@link ReviewableScan} reports it
   * on its own, and again later while the HIT stays reviewable.
   *
   * @param maxAssignments the HIT's assignments as MTurk counted them when it was listed (fewer
   *     than the core asked for means the report predates an extension)
   * @param expired true when assignments were left unfilled: the HIT expired, no answer will come
   */
  record HitReviewable(String taskKey, String hitId, int maxAssignments, boolean expired)
      implements HitEvent {}

  /**
   * A command failed for good (after the gateway's own retries), or MTurk refused it.
   *
   * @param command the command's type, e.g. {@code CreateHit}
   * @param code MTurk's error code (TurkErrorCode) or the exception's class name
   * @param retryable true when trying again later may succeed (throttling, 5xx, network)
   */
  record CallFailed(
      String taskKey, String hitId, String command, String code, String message, boolean retryable)
      implements HitEvent {}

  /**
   * One worker's submitted answer.
   *
   * @param containsTarget the parsed answer, or null when it could not be read
   * @param problem why the answer could not be read (malformed XML, unknown value…), else null
   * @param status MTurk's AssignmentStatus: Submitted, Approved or Rejected
   * @param submittedAt epoch millis
   */
  record WorkerAnswer(
      String assignmentId,
      String workerId,
      Boolean containsTarget,
      String problem,
      String status,
      long submittedAt) {}
}
