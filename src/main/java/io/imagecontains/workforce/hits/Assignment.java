package io.imagecontains.workforce.hits;

import java.time.Instant;

/**
 * One worker's turn at a HIT. Mutable, guarded by the owning {@link HitRegistry}'s lock; readers
 * outside the registry get it only through the registry's synchronized methods or callbacks.
 */
public final class Assignment {
  private final String id;
  private final String hitId;
  private final String workerId;
  private final Instant acceptTime;
  private final Instant deadline;
  private AssignmentStatus status = AssignmentStatus.Accepted;
  private long listingSeq;
  private Instant submitTime;
  private Instant autoApprovalTime;
  private Instant approvalTime;
  private Instant rejectionTime;
  private String answer;
  private String requesterFeedback;

  Assignment(String id, String hitId, String workerId, Instant acceptTime, Instant deadline) {
    this.id = id;
    this.hitId = hitId;
    this.workerId = workerId;
    this.acceptTime = acceptTime;
    this.deadline = deadline;
  }

  void submit(long seq, Instant at, Instant autoApproveAt, String answerXml) {
    status = AssignmentStatus.Submitted;
    listingSeq = seq;
    submitTime = at;
    autoApprovalTime = autoApproveAt;
    answer = answerXml;
  }

  void approve(Instant at, String feedback) {
    status = AssignmentStatus.Approved;
    approvalTime = at;
    rejectionTime = null;
    requesterFeedback = feedback;
  }

  void reject(Instant at, String feedback) {
    status = AssignmentStatus.Rejected;
    rejectionTime = at;
    requesterFeedback = feedback;
  }

  void abandon() {
    status = AssignmentStatus.Abandoned;
  }

  public String id() {
    return id;
  }

  public String hitId() {
    return hitId;
  }

  public String workerId() {
    return workerId;
  }

  public AssignmentStatus status() {
    return status;
  }

  /** Order of submission: the key {@code ListAssignmentsForHIT} pages by. */
  public long listingSeq() {
    return listingSeq;
  }

  public Instant acceptTime() {
    return acceptTime;
  }

  public Instant deadline() {
    return deadline;
  }

  public Instant submitTime() {
    return submitTime;
  }

  public Instant autoApprovalTime() {
    return autoApprovalTime;
  }

  public Instant approvalTime() {
    return approvalTime;
  }

  public Instant rejectionTime() {
    return rejectionTime;
  }

  public String answer() {
    return answer;
  }

  public String requesterFeedback() {
    return requesterFeedback;
  }
}
