package io.imagecontains.workforce.hits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A HIT and its assignments. Its status is computed from the assignments and the clock rather than
 * stored, so it can never disagree with them. Mutable, guarded by the owning {@link HitRegistry}'s
 * lock.
 */
public final class Hit {
  private final String id;
  private final String typeId;
  private final long creationSeq;
  private final HitRequest request;
  private final List<QualificationRequirements.Requirement> requirements;
  private final Instant creationTime;
  private final List<Assignment> assignments = new ArrayList<>();
  private Instant expiration;
  private int maxAssignments;
  private boolean reviewing;
  private boolean disposed;

  Hit(
      String id,
      String typeId,
      long creationSeq,
      HitRequest request,
      List<QualificationRequirements.Requirement> requirements,
      Instant creationTime) {
    this.id = id;
    this.typeId = typeId;
    this.creationSeq = creationSeq;
    this.request = request;
    this.requirements = List.copyOf(requirements);
    this.creationTime = creationTime;
    this.expiration = creationTime.plus(request.lifetime());
    this.maxAssignments = request.maxAssignments();
  }

  /** MTurk's status rules: full or expired-and-idle HITs are reviewable, open ones assignable. */
  public HitStatus status(Instant now) {
    if (disposed) {
      return HitStatus.Disposed;
    }
    boolean done = submittedCount() >= maxAssignments;
    boolean expiredAndIdle = isExpired(now) && pendingCount() == 0;
    if (done || expiredAndIdle) {
      return reviewing ? HitStatus.Reviewing : HitStatus.Reviewable;
    }
    return !isExpired(now) && availableCount() > 0 ? HitStatus.Assignable : HitStatus.Unassignable;
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiration);
  }

  /** Accepted by a worker and not yet submitted, returned or abandoned. */
  public int pendingCount() {
    return count(AssignmentStatus.Accepted);
  }

  /** Submitted, approved or rejected: the assignments that used up a slot for good. */
  public int submittedCount() {
    return (int) assignments.stream().filter(a -> a.status().isListed()).count();
  }

  /** Approved or rejected, as MTurk's {@code NumberOfAssignmentsCompleted} counts them. */
  public int completedCount() {
    return count(AssignmentStatus.Approved) + count(AssignmentStatus.Rejected);
  }

  public int availableCount() {
    return Math.max(0, maxAssignments - pendingCount() - submittedCount());
  }

  public boolean hasWorked(String workerId) {
    return assignments.stream()
        .anyMatch(a -> a.workerId().equals(workerId) && a.status() != AssignmentStatus.Abandoned);
  }

  private int count(AssignmentStatus status) {
    return (int) assignments.stream().filter(a -> a.status() == status).count();
  }

  void add(Assignment assignment) {
    assignments.add(assignment);
  }

  void extend(int additional) {
    maxAssignments += additional;
  }

  void expireAt(Instant at) {
    expiration = at;
  }

  void setReviewing(boolean value) {
    reviewing = value;
  }

  void dispose() {
    disposed = true;
  }

  boolean isDisposed() {
    return disposed;
  }

  public String id() {
    return id;
  }

  public String typeId() {
    return typeId;
  }

  /** Order of creation: the key {@code ListReviewableHITs} pages by. */
  public long creationSeq() {
    return creationSeq;
  }

  public HitRequest request() {
    return request;
  }

  /** The parsed {@code QualificationRequirements}; empty when the HIT has none. */
  List<QualificationRequirements.Requirement> requirements() {
    return requirements;
  }

  public Instant creationTime() {
    return creationTime;
  }

  public Instant expiration() {
    return expiration;
  }

  public int maxAssignments() {
    return maxAssignments;
  }

  public List<Assignment> assignments() {
    return Collections.unmodifiableList(assignments);
  }
}
