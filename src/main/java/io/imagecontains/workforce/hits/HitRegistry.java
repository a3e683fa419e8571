package io.imagecontains.workforce.hits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The requester side of the marketplace, with MTurk's rules: HIT creation deduplicated by {@code
 * UniqueRequestToken}, the under-10 extension rule, assignment review (via {@link #review()}),
 * early expiry and the preconditions of deletion; and Qualification types and the Qualifications
 * granted to workers, which a HIT's {@code QualificationRequirements} are checked against when a
 * worker accepts (see {@link QualificationRequirements}). Thread-safe: every method takes the
 * {@link HitBook} lock and first brings the simulation up to the clock, so state is always read as
 * of "now".
 */
public final class HitRegistry {
  private static final int EXTENSION_THRESHOLD = 10;
  private final HitBook book;
  private final WorkerDesk desk;
  private final AssignmentReview review;

  public HitRegistry(Clock clock, long seed, BigDecimal startingBalance) {
    this.book = new HitBook(clock, seed, startingBalance);
    this.desk = new WorkerDesk(book);
    this.review = new AssignmentReview(book);
  }

  public void addWorkerSource(WorkerSource source) {
    synchronized (book) {
      book.sources.add(source);
    }
  }

  /** Reading and reviewing submitted assignments. */
  public AssignmentReview review() {
    return review;
  }

  /** The worker side, for worker sources. */
  public Workplace workplace() {
    return desk;
  }

  /** Runs {@code reads} under the lock, so live HITs can be turned into a consistent snapshot. */
  public <T> T read(Supplier<T> reads) {
    synchronized (book) {
      book.advance();
      return reads.get();
    }
  }

  public Instant now() {
    return desk.now();
  }

  public Hit create(HitRequest request) {
    synchronized (book) {
      Instant now = book.advance();
      HitRules.validate(request);
      List<QualificationRequirements.Requirement> requirements =
          QualificationRequirements.parse(request.qualificationRequirements());
      QualificationRequirements.checkValues(requirements, book.qualifications);
      book.createTokens
          .hitFor(request.uniqueRequestToken(), now)
          .ifPresent(
              existing -> {
                throw new TurkError(
                    TurkError.HIT_ALREADY_EXISTS,
                    "There is already a HIT with this unique request token: " + existing);
              });
      Hit hit =
          new Hit(
              book.ids.next(),
              HitIds.typeIdFor(request),
              book.nextSeq(),
              request,
              requirements,
              now);
      book.hits.put(hit.id(), hit);
      book.createTokens.remember(request.uniqueRequestToken(), hit.id(), now);
      book.announceSlots(hit, hit.maxAssignments(), desk);
      return hit;
    }
  }

  public Hit get(String hitId) {
    synchronized (book) {
      book.advance();
      return book.hit(hitId);
    }
  }

  /** All HITs ever created, disposed ones included, oldest first (for inspection). */
  public List<Hit> hits() {
    synchronized (book) {
      book.advance();
      return List.copyOf(book.hits.values());
    }
  }

  public Page<Hit> listReviewable(HitStatus status, String typeId, String nextToken, Integer max) {
    synchronized (book) {
      Instant now = book.advance();
      HitStatus wanted = status == null ? HitStatus.Reviewable : status;
      List<Hit> listed =
          book.hits.values().stream()
              .filter(h -> h.status(now) == wanted)
              .filter(h -> typeId == null || typeId.equals(h.typeId()))
              .toList();
      return Page.of(listed, Hit::creationSeq, nextToken, max);
    }
  }

  public void extend(String hitId, int additional, String token) {
    synchronized (book) {
      Instant now = book.advance();
      Hit hit = book.hit(hitId);
      RequestTokens.validate(token);
      // The token first: a retry of a done extension must say so, not trip the under-10 rule.
      if (book.extendTokens.hitFor(token, now).isPresent()) {
        throw new TurkError(
            TurkError.EXTEND_ALREADY_DONE,
            "HIT " + hitId + " was already extended with this unique request token: " + token);
      }
      HitRules.checkExtension(hit, additional, EXTENSION_THRESHOLD);
      hit.extend(additional);
      book.extendTokens.remember(token, hitId, now);
      if (!hit.isExpired(now)) {
        book.announceSlots(hit, additional, desk);
      }
    }
  }

  /** Moves the expiry; a time in the past expires the HIT now, a later one may reopen it. */
  public void updateExpiration(String hitId, Instant expireAt) {
    synchronized (book) {
      Instant now = book.advance();
      Hit hit = book.hit(hitId);
      HitRules.checkNotDisposed(hit);
      boolean wasAssignable = hit.status(now) == HitStatus.Assignable;
      hit.expireAt(expireAt.isAfter(now) ? expireAt : now);
      if (!wasAssignable && hit.status(now) == HitStatus.Assignable) {
        book.announceSlots(hit, hit.availableCount(), desk);
      }
    }
  }

  /** {@code UpdateHITReviewStatus}: Reviewable to Reviewing, or back when {@code revert}. */
  public void updateReviewStatus(String hitId, boolean revert) {
    synchronized (book) {
      Instant now = book.advance();
      Hit hit = book.hit(hitId);
      HitStatus required = revert ? HitStatus.Reviewing : HitStatus.Reviewable;
      HitRules.checkStatus(hit, now, required);
      hit.setReviewing(!revert);
    }
  }

  public void delete(String hitId) {
    synchronized (book) {
      Instant now = book.advance();
      Hit hit = book.hit(hitId);
      HitRules.checkDeletable(hit, now);
      hit.dispose();
    }
  }

  /**
   * {@code CreateQualificationType}; {@code status} is {@code Active} or {@code Inactive}.
   *
   * @throws TurkError if a type with this name exists already, or a parameter is missing
   */
  public QualificationType createQualificationType(
      String name, String description, String keywords, String status) {
    synchronized (book) {
      Instant now = book.advance();
      requireText(name, "Name");
      requireText(description, "Description");
      requireText(status, "QualificationTypeStatus");
      if (!status.equals("Active") && !status.equals("Inactive")) {
        throw new TurkError(
            TurkError.PARAMETER_OUT_OF_RANGE,
            "QualificationTypeStatus must be Active or Inactive, not " + status + ".");
      }
      return book.qualifications.create(name, description, keywords, status.equals("Active"), now);
    }
  }

  /** {@code GetQualificationType}; an unknown id is a {@link TurkError}. */
  public QualificationType qualificationType(String typeId) {
    synchronized (book) {
      book.advance();
      return book.qualifications.type(typeId);
    }
  }

  /** {@code ListQualificationTypes}: name or description containing {@code query}, any case. */
  public Page<QualificationType> listQualificationTypes(
      String query, String nextToken, Integer max) {
    synchronized (book) {
      book.advance();
      return Page.of(book.qualifications.types(query), QualificationType::seq, nextToken, max);
    }
  }

  /**
   * {@code AssociateQualificationWithWorker}: grants the Qualification, or sets its value when the
   * worker has it already. Counts from the worker's next accept on.
   */
  public void associateQualification(String typeId, String workerId, int integerValue) {
    synchronized (book) {
      Instant now = book.advance();
      requireText(workerId, "WorkerId");
      book.qualifications.grant(typeId, workerId, integerValue, now);
    }
  }

  /** {@code DisassociateQualificationFromWorker}; a worker without it is a {@link TurkError}. */
  public void disassociateQualification(String typeId, String workerId) {
    synchronized (book) {
      book.advance();
      requireText(workerId, "WorkerId");
      book.qualifications.revoke(typeId, workerId);
    }
  }

  /**
   * {@code ListWorkersWithQualificationType}, granted ones unless {@code status} says otherwise.
   */
  public Page<Qualification> listWorkersWithQualification(
      String typeId, QualificationStatus status, String nextToken, Integer max) {
    synchronized (book) {
      book.advance();
      QualificationStatus wanted = status == null ? QualificationStatus.Granted : status;
      return Page.of(
          book.qualifications.holders(typeId, wanted), Qualification::seq, nextToken, max);
    }
  }

  public BigDecimal availableBalance() {
    synchronized (book) {
      book.advance();
      return book.ledger.available();
    }
  }

  public BigDecimal spent() {
    synchronized (book) {
      book.advance();
      return book.ledger.spent();
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new TurkError(TurkError.MISSING_PARAMETERS, "No value provided for " + name + ".");
    }
  }
}
