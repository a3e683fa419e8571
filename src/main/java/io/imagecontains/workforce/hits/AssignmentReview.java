package io.imagecontains.workforce.hits;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The requester's view of submitted work: listing a HIT's assignments page by page, and approving
 * or rejecting them (an approval charges the account). Thread-safe through the {@link HitBook}
 * lock, bringing the simulation up to the clock first, like {@link HitRegistry}.
 */
public final class AssignmentReview {
  private final HitBook book;

  AssignmentReview(HitBook book) {
    this.book = book;
  }

  /** A submitted, approved or rejected assignment: work in progress is not the requester's yet. */
  public Assignment assignment(String assignmentId) {
    synchronized (book) {
      book.advance();
      Assignment a = book.assignment(assignmentId);
      if (!a.status().isListed()) {
        throw TurkError.noSuchAssignment(assignmentId);
      }
      return a;
    }
  }

  public Page<Assignment> listAssignments(
      String hitId, Set<AssignmentStatus> statuses, String nextToken, Integer maxResults) {
    synchronized (book) {
      book.advance();
      Set<AssignmentStatus> wanted =
          statuses == null || statuses.isEmpty()
              ? Set.of(
                  AssignmentStatus.Submitted, AssignmentStatus.Approved, AssignmentStatus.Rejected)
              : statuses;
      List<Assignment> listed =
          book.hit(hitId).assignments().stream()
              .filter(a -> a.status().isListed() && wanted.contains(a.status()))
              .sorted(Comparator.comparingLong(Assignment::listingSeq))
              .toList();
      return Page.of(listed, Assignment::listingSeq, nextToken, maxResults);
    }
  }

  public void approve(String assignmentId, String feedback, boolean overrideRejection) {
    synchronized (book) {
      Instant now = book.advance();
      Assignment a = book.assignment(assignmentId);
      boolean allowed =
          a.status() == AssignmentStatus.Submitted
              || overrideRejection && a.status() == AssignmentStatus.Rejected;
      if (!allowed) {
        throw HitRules.wrongAssignmentState(a, "Submitted");
      }
      book.approve(a, now, feedback);
    }
  }

  public void reject(String assignmentId, String feedback) {
    synchronized (book) {
      Instant now = book.advance();
      Assignment a = book.assignment(assignmentId);
      if (a.status() != AssignmentStatus.Submitted) {
        throw HitRules.wrongAssignmentState(a, "Submitted");
      }
      a.reject(now, feedback);
    }
  }
}
