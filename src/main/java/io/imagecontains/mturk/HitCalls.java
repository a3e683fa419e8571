package io.imagecontains.mturk;

import io.imagecontains.mturk.HitCommand.AddAssignments;
import io.imagecontains.mturk.HitCommand.Approve;
import io.imagecontains.mturk.HitCommand.CreateHit;
import io.imagecontains.mturk.HitCommand.DeleteHit;
import io.imagecontains.mturk.HitCommand.ExpireHit;
import io.imagecontains.mturk.HitCommand.ListAssignments;
import io.imagecontains.mturk.HitEvent.CallFailed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.mturk.MTurkAsyncClient;
import software.amazon.awssdk.services.mturk.model.AssignmentStatus;
import software.amazon.awssdk.services.mturk.model.HIT;
import software.amazon.awssdk.services.mturk.model.HITStatus;

/**
 * Carries out one {@link HitCommand} at MTurk and says what happened as one {@link HitEvent}. The
 * returned Uni never fails: a refusal or exhausted retries become {@link CallFailed}. Repeating a
 * command is safe, which at-least-once delivery needs: creates and extensions carry the command's
 * {@code UniqueRequestToken}, and the "already done" answers ({@code HitAlreadyExists}, {@code
 * ExtendHITAlreadyExists}, an approved assignment, a deleted HIT) count as success.
 */
public class HitCalls {

  private static final Logger LOG = Logger.getLogger(HitCalls.class);

  /** MTurk's HIT and assignment ids: upper-case letters and digits. */
  private static final Pattern HIT_ID = Pattern.compile("\\b[A-Z0-9]{20,64}\\b");

  private final MTurkOperations mturk;
  private final HitRequests requests;
  private final AssignmentListing listing;
  private final MTurkMetrics metrics;

  HitCalls(
      MTurkOperations mturk,
      HitRequests requests,
      AssignmentListing listing,
      MTurkMetrics metrics) {
    this.mturk = mturk;
    this.requests = requests;
    this.listing = listing;
    this.metrics = metrics;
  }

  /** Calls through {@code mturk} as {@code config} says, paced by {@code pacer}. */
  public static HitCalls create(
      MTurkAsyncClient client, MTurkConfig config, CallPacer pacer, MTurkMetrics metrics) {
    return create(client, config, pacer, metrics, AssignmentListing.PAGE_SIZE);
  }

  /**
   * As {@link #create(MTurkAsyncClient, MTurkConfig, CallPacer, MTurkMetrics)}; tests page small.
   */
  static HitCalls create(
      MTurkAsyncClient client,
      MTurkConfig config,
      CallPacer pacer,
      MTurkMetrics metrics,
      int listPageSize) {
    MTurkOperations operations =
        new MTurkOperations(client, new PacedCalls(pacer, metrics, config.maxAttempts()));
    return new HitCalls(
        operations,
        new HitRequests(config.hit(), config.environment().externalSubmitUrl()),
        new AssignmentListing(operations, new AnswerParser(), metrics, listPageSize),
        metrics);
  }

  /** The command's outcome; never a failure. */
  public Uni<HitEvent> execute(HitCommand command) {
    return Uni.createFrom()
        .deferred(() -> dispatch(command))
        .onFailure()
        .recoverWithItem(error -> failed(command, error));
  }

  private Uni<HitEvent> dispatch(HitCommand command) {
    if (command instanceof CreateHit c) {
      return create(c);
    } else if (command instanceof ListAssignments c) {
      return listing.list(c);
    } else if (command instanceof AddAssignments c) {
      return add(c);
    } else if (command instanceof Approve c) {
      return approve(c);
    } else if (command instanceof ExpireHit c) {
      return expire(c);
    } else if (command instanceof DeleteHit c) {
      return delete(c);
    }
    throw new IllegalArgumentException("unknown command " + command.getClass().getSimpleName());
  }

  /** {@code HitAlreadyExists} names the HIT this token created before: that HIT is the answer. */
  private Uni<HitEvent> create(CreateHit c) {
    return mturk
        .createHit(requests.create(c))
        .onFailure(code(TurkFailure.HIT_ALREADY_EXISTS))
        .recoverWithUni(error -> existingHit(c, (TurkCallException) error))
        .map(hit -> created(c, hit));
  }

  private Uni<HIT> existingHit(CreateHit c, TurkCallException error) {
    Optional<String> hitId = hitIdIn(error.failure().message(), c.token());
    if (hitId.isEmpty()) {
      return Uni.createFrom().failure(error); // nothing to look up: report MTurk's refusal
    }
    LOG.debugf("%s: token %s already made HIT %s", c.taskKey(), c.token(), hitId.get());
    return mturk.getHit(hitId.get());
  }

  /** The last HIT-id-shaped word of MTurk's message that is not our own token. */
  static Optional<String> hitIdIn(String message, String token) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = HIT_ID.matcher(message);
    String last = null;
    while (m.find()) {
      if (!m.group().equals(token)) {
        last = m.group();
      }
    }
    return Optional.ofNullable(last);
  }

  private static HitEvent created(CreateHit c, HIT hit) {
    return new HitEvent.HitCreated(
        c.taskKey(), hit.hitId(), hit.maxAssignments(), hit.expiration().toEpochMilli());
  }

  /**
   * Not clamped: the core asks for what its adjudication needs, and MTurk's refusal to take a HIT
   * made with fewer than 10 assignments to 10 or more comes back as a non-retryable CallFailed.
   */
  private Uni<HitEvent> add(AddAssignments c) {
    return mturk
        .addAssignments(c.hitId(), c.count(), c.token())
        .onFailure(code(TurkFailure.EXTEND_ALREADY_DONE))
        .recoverWithNull()
        .map(
            ignored -> new HitEvent.AssignmentsAdded(c.taskKey(), c.hitId(), c.round(), c.count()));
  }

  /** One at a time: at most 9 per HIT, and a failure part-way is retried whole, harmlessly. */
  private Uni<HitEvent> approve(Approve c) {
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
        .invoke(() -> metrics.approved(requests.reward()))
        .onFailure(code(TurkFailure.INVALID_ASSIGNMENT_STATE))
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

  /** A HIT that is gone or no longer assignable offers nothing: that is what was asked. */
  private Uni<HitEvent> expire(ExpireHit c) {
    return mturk
        .expire(c.hitId())
        .onFailure(code(TurkFailure.HIT_DOES_NOT_EXIST))
        .recoverWithNull()
        .onFailure(code(TurkFailure.INVALID_HIT_STATE))
        .recoverWithUni(error -> unlessStatus(c.hitId(), HITStatus.ASSIGNABLE, error))
        .map(ignored -> new HitEvent.HitExpired(c.taskKey(), c.hitId()));
  }

  /**
   * MTurk deletes only a Reviewable HIT whose assignments are all reviewed: before that the refusal
   * is a retryable CallFailed (the core tries again later); a HIT already gone counts as deleted.
   */
  private Uni<HitEvent> delete(DeleteHit c) {
    HitEvent deleted = new HitEvent.HitDeleted(c.taskKey(), c.hitId());
    return mturk
        .delete(c.hitId())
        .replaceWith(deleted)
        .onFailure(code(TurkFailure.HIT_DOES_NOT_EXIST))
        .recoverWithItem(deleted)
        .onFailure(code(TurkFailure.INVALID_HIT_STATE))
        .recoverWithUni(
            error ->
                mturk
                    .getHit(c.hitId())
                    .map(
                        hit ->
                            hit.hitStatus() == HITStatus.DISPOSED
                                ? deleted
                                : failed(c, error, true)));
  }

  private Uni<Void> unlessStatus(String hitId, HITStatus status, Throwable refusal) {
    return mturk
        .getHit(hitId)
        .chain(
            hit ->
                hit.hitStatus() == status
                    ? Uni.createFrom().failure(refusal)
                    : Uni.createFrom().voidItem());
  }

  private static Predicate<Throwable> code(String turkErrorCode) {
    return e -> e instanceof TurkCallException t && t.failure().is(turkErrorCode);
  }

  private HitEvent failed(HitCommand command, Throwable error) {
    boolean retryable = error instanceof TurkCallException t ? t.failure().retryable() : false;
    return failed(command, error, retryable);
  }

  private HitEvent failed(HitCommand command, Throwable error, boolean retryable) {
    String type = command.getClass().getSimpleName();
    if (error instanceof TurkCallException t) {
      LOG.infof(
          "%s %s failed (retryable: %s): %s", type, command.taskKey(), retryable, t.getMessage());
      return new CallFailed(
          command.taskKey(),
          hitIdOf(command),
          type,
          t.failure().code(),
          t.failure().message(),
          retryable);
    }
    LOG.errorf(error, "%s %s failed unexpectedly", type, command.taskKey());
    return new CallFailed(
        command.taskKey(),
        hitIdOf(command),
        type,
        error.getClass().getSimpleName(),
        String.valueOf(error.getMessage()),
        retryable);
  }

  private static String hitIdOf(HitCommand command) {
    if (command instanceof ListAssignments c) {
      return c.hitId();
    } else if (command instanceof AddAssignments c) {
      return c.hitId();
    } else if (command instanceof Approve c) {
      return c.hitId();
    } else if (command instanceof ExpireHit c) {
      return c.hitId();
    } else if (command instanceof DeleteHit c) {
      return c.hitId();
    }
    return null;
  }
}
