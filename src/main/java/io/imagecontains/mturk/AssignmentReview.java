package io.imagecontains.mturk;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import software.amazon.awssdk.services.mturk.model.AssignmentStatus;

/**
 * Answers {@link HitCommand.AddAssignments} and {@link HitCommand.Approve}: asking for more answers
 * and paying for the ones used. Both are safe to repeat: the extension carries its request token
 * ({@code ExtendHITAlreadyExists} is success), and an assignment found already approved is success.
 */
final class AssignmentReview {

  private final MTurkOperations mturk;
  private final MTurkMetrics metrics;
  private final BigDecimal reward;

  AssignmentReview(MTurkOperations mturk, MTurkMetrics metrics, BigDecimal reward) {
    this.mturk = mturk;
    this.metrics = metrics;
    this.reward = reward;
  }

  /**
   * Not clamped: the core asks for what its adjudication needs, and MTurk's refusal to take a HIT
   * made with fewer than 10 assignments to 10 or more comes back as a non-retryable CallFailed.
   */
  Uni<HitEvent> add(HitCommand.AddAssignments c) {
    return mturk
        .addAssignments(c.hitId(), c.count(), HitRequests.requestToken(c.token()))
        .onFailure(TurkCallException.withCode(TurkFailure.EXTEND_ALREADY_DONE))
        .recoverWithNull()
        .map(
            ignored -> new HitEvent.AssignmentsAdded(c.taskKey(), c.hitId(), c.round(), c.count()));
  }

  /** One at a time: at most 9 per HIT, and a failure part-way is retried whole, harmlessly. */
  Uni<HitEvent> approve(HitCommand.Approve c) {
    return Multi.createFrom()
        .iterable(c.assignmentIds())
        .onItem()
        .transformToUniAndConcatenate(this::approveOne)
        .collect()
        .last()
        .map(ignored -> new HitEvent.Approved(c.taskKey(), c.hitId(), c.assignmentIds()));
  }

  private Uni<Void> approveOne(String assignmentId) {
    return mturk
        .approve(assignmentId)
        .invoke(() -> metrics.approved(reward))
        .onFailure(TurkCallException.withCode(TurkFailure.INVALID_ASSIGNMENT_STATE))
        .recoverWithUni(error -> alreadyApproved(assignmentId, (TurkCallException) error));
  }

  /** Approving twice is refused as "not Submitted": fine if it is Approved, else a real refusal. */
  private Uni<Void> alreadyApproved(String assignmentId, TurkCallException refusal) {
    return mturk
        .getAssignment(assignmentId)
        .chain(
            a ->
                a.assignmentStatus() == AssignmentStatus.APPROVED
                    ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(refusal));
  }
}
