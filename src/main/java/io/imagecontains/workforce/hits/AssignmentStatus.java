package io.imagecontains.workforce.hits;

/**
 * The life of one worker's turn at a HIT. {@code Submitted}, {@code Approved} and {@code Rejected}
 * are MTurk's wire values; {@code Accepted} and {@code Abandoned} are internal states that MTurk
 * never lists (it only counts accepted ones as "pending").
 */
public enum AssignmentStatus {
  Accepted,
  Submitted,
  Approved,
  Rejected,
  Abandoned;

  /** Whether {@code ListAssignmentsForHIT} shows assignments in this state. */
  public boolean isListed() {
    return this == Submitted || this == Approved || this == Rejected;
  }
}
