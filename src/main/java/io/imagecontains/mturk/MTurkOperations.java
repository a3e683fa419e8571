package io.imagecontains.mturk;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.mturk.MTurkAsyncClient;
import software.amazon.awssdk.services.mturk.model.Assignment;
import software.amazon.awssdk.services.mturk.model.AssignmentStatus;
import software.amazon.awssdk.services.mturk.model.CreateHitRequest;
import software.amazon.awssdk.services.mturk.model.HIT;
import software.amazon.awssdk.services.mturk.model.ListAssignmentsForHitResponse;
import software.amazon.awssdk.services.mturk.model.ListReviewableHiTsResponse;
import software.amazon.awssdk.services.mturk.model.QualificationType;
import software.amazon.awssdk.services.mturk.model.QualificationTypeStatus;
import software.amazon.awssdk.services.mturk.model.ReviewableHITStatus;

/**
 * The Requester API operations the gateway uses, one paced and retried SDK call each (see {@link
 * PacedCalls}); a failure is a {@link TurkCallException}. The {@code operation} names are MTurk's,
 * as in the metrics.
 */
final class MTurkOperations {

  private final MTurkAsyncClient mturk;
  private final PacedCalls calls;

  MTurkOperations(MTurkAsyncClient mturk, PacedCalls calls) {
    this.mturk = mturk;
    this.calls = calls;
  }

  Uni<HIT> createHit(CreateHitRequest request) {
    return calls.call("CreateHIT", () -> mturk.createHIT(request)).map(r -> r.hit());
  }

  Uni<HIT> getHit(String hitId) {
    return calls.call("GetHIT", () -> mturk.getHIT(b -> b.hitId(hitId))).map(r -> r.hit());
  }

  /** One page of the HIT's submitted, approved and rejected assignments. */
  Uni<ListAssignmentsForHitResponse> listAssignments(String hitId, String nextToken, int pageSize) {
    return calls.call(
        "ListAssignmentsForHIT",
        () ->
            mturk.listAssignmentsForHIT(
                b ->
                    b.hitId(hitId)
                        .assignmentStatuses(
                            AssignmentStatus.SUBMITTED,
                            AssignmentStatus.APPROVED,
                            AssignmentStatus.REJECTED)
                        .maxResults(pageSize)
                        .nextToken(nextToken)));
  }

  /** One page of the HITs MTurk lists as Reviewable, oldest first. */
  Uni<ListReviewableHiTsResponse> listReviewable(String nextToken, int pageSize) {
    return calls.call(
        "ListReviewableHITs",
        () ->
            mturk.listReviewableHITs(
                b ->
                    b.status(ReviewableHITStatus.REVIEWABLE)
                        .maxResults(pageSize)
                        .nextToken(nextToken)));
  }

  /** Idempotent by {@code token}: a repeat is refused with {@code ExtendHITAlreadyExists}. */
  Uni<Void> addAssignments(String hitId, int count, String token) {
    return calls
        .call(
            "CreateAdditionalAssignmentsForHIT",
            () ->
                mturk.createAdditionalAssignmentsForHIT(
                    b ->
                        b.hitId(hitId)
                            .numberOfAdditionalAssignments(count)
                            .uniqueRequestToken(token)))
        .replaceWithVoid();
  }

  Uni<Void> approve(String assignmentId) {
    return calls
        .call("ApproveAssignment", () -> mturk.approveAssignment(b -> b.assignmentId(assignmentId)))
        .replaceWithVoid();
  }

  Uni<Assignment> getAssignment(String assignmentId) {
    return calls
        .call("GetAssignment", () -> mturk.getAssignment(b -> b.assignmentId(assignmentId)))
        .map(r -> r.assignment());
  }

  /**
   * Expires the HIT now. The epoch rather than our "now": MTurk takes any past time as "now", and
   * our clock being behind MTurk's must not leave the HIT open.
   */
  Uni<Void> expire(String hitId) {
    return calls
        .call(
            "UpdateExpirationForHIT",
            () -> mturk.updateExpirationForHIT(b -> b.hitId(hitId).expireAt(Instant.EPOCH)))
        .replaceWithVoid();
  }

  Uni<Void> delete(String hitId) {
    return calls.call("DeleteHIT", () -> mturk.deleteHIT(b -> b.hitId(hitId))).replaceWithVoid();
  }

  /** Our qualification types whose name or description contains {@code query}, first page. */
  Uni<List<QualificationType>> ownQualificationTypes(String query) {
    return calls
        .call(
            "ListQualificationTypes",
            () ->
                mturk.listQualificationTypes(
                    b ->
                        b.query(query)
                            .mustBeRequestable(false)
                            .mustBeOwnedByCaller(true)
                            .maxResults(100)))
        .map(r -> r.qualificationTypes());
  }

  Uni<QualificationType> createQualificationType(String name, String description) {
    return calls
        .call(
            "CreateQualificationType",
            () ->
                mturk.createQualificationType(
                    b ->
                        b.name(name)
                            .description(description)
                            .qualificationTypeStatus(QualificationTypeStatus.ACTIVE)))
        .map(r -> r.qualificationType());
  }

  /** Grants the qualification quietly (no e-mail to the worker). */
  Uni<Void> grant(String qualificationTypeId, String workerId) {
    return calls
        .call(
            "AssociateQualificationWithWorker",
            () ->
                mturk.associateQualificationWithWorker(
                    b ->
                        b.qualificationTypeId(qualificationTypeId)
                            .workerId(workerId)
                            .integerValue(1)
                            .sendNotification(false)))
        .replaceWithVoid();
  }
}
