package io.imagecontains.workforce.hits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The worker side of the marketplace: accepting (for workers who meet the HIT's Qualification
 * requirements), submitting and giving back assignments, plus the timers MTurk runs on them (the
 * assignment deadline and auto-approval). Thread-safe through the {@link HitBook} lock.
 */
final class WorkerDesk implements Workplace {
  private final HitBook book;

  WorkerDesk(HitBook book) {
    this.book = book;
  }

  @Override
  public Instant now() {
    synchronized (book) {
      return book.advance();
    }
  }

  @Override
  public void at(Instant when, Runnable action) {
    synchronized (book) {
      book.schedule.schedule(when, action);
    }
  }

  @Override
  public Optional<Assignment> accept(String hitId, String workerId) {
    synchronized (book) {
      Instant now = book.advance();
      Hit hit = book.hits.get(hitId);
      if (hit == null
          || hit.status(now) != HitStatus.Assignable
          || hit.hasWorked(workerId)
          || !meetsRequirements(hit, workerId)) {
        return Optional.empty();
      }
      Instant deadline = now.plus(hit.request().assignmentDuration());
      Assignment a = new Assignment(book.ids.next(), hitId, workerId, now, deadline);
      hit.add(a);
      book.assignments.put(a.id(), a);
      book.schedule.schedule(deadline, () -> abandonIfOpen(a));
      return Optional.of(a);
    }
  }

  @Override
  public boolean mayWork(Hit hit, String workerId) {
    synchronized (book) {
      book.advance();
      return meetsRequirements(hit, workerId);
    }
  }

  private boolean meetsRequirements(Hit hit, String workerId) {
    return QualificationRequirements.allow(hit.requirements(), book.qualifications, workerId);
  }

  @Override
  public void submit(String assignmentId, String answerXml) {
    synchronized (book) {
      Instant now = book.advance();
      Assignment a = book.assignment(assignmentId);
      if (a.status() != AssignmentStatus.Accepted || !now.isBefore(a.deadline())) {
        throw new TurkError(
            TurkError.INVALID_ASSIGNMENT_STATE,
            "Assignment " + assignmentId + " is not open for submission (" + a.status() + ").");
      }
      Hit hit = book.hit(a.hitId());
      Instant autoApproveAt = now.plus(hit.request().autoApprovalDelay());
      a.submit(book.nextSeq(), now, autoApproveAt, answerXml);
      book.schedule.schedule(autoApproveAt, () -> autoApprove(a));
    }
  }

  @Override
  public void giveBack(String assignmentId) {
    synchronized (book) {
      book.advance();
      abandonIfOpen(book.assignment(assignmentId));
    }
  }

  @Override
  public List<Hit> assignableHits() {
    synchronized (book) {
      Instant now = book.advance();
      return book.hits.values().stream()
          .filter(h -> h.status(now) == HitStatus.Assignable)
          .toList();
    }
  }

  /** MTurk treats an assignment not submitted by its deadline as abandoned and reopens the slot. */
  private void abandonIfOpen(Assignment a) {
    if (a.status() != AssignmentStatus.Accepted) {
      return;
    }
    a.abandon();
    Hit hit = book.hits.get(a.hitId());
    if (hit.status(book.schedule.now()) == HitStatus.Assignable) {
      book.announceSlots(hit, 1, this);
    }
  }

  private void autoApprove(Assignment a) {
    if (a.status() == AssignmentStatus.Submitted) {
      book.approve(a, book.schedule.now(), null);
    }
  }
}
