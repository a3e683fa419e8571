package io.imagecontains.mturk;

import io.imagecontains.mturk.HitCommand.AddAssignments;
import io.imagecontains.mturk.HitCommand.Approve;
import io.imagecontains.mturk.HitCommand.CreateHit;
import io.imagecontains.mturk.HitCommand.DeleteHit;
import io.imagecontains.mturk.HitCommand.ExcludeWorker;
import io.imagecontains.mturk.HitCommand.ExpireHit;
import io.imagecontains.mturk.HitCommand.ListAssignments;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.mturk.MTurkAsyncClient;
import software.amazon.awssdk.services.mturk.model.HIT;

/**
 * Carries out one {@link HitCommand} at MTurk and says what happened as one {@link HitEvent}. The
 * returned Uni never fails: a refusal or exhausted retries become {@link HitEvent.CallFailed}.
 * Repeating a command is safe, which at-least-once delivery needs: creates and extensions carry the
 * command's {@code UniqueRequestToken}, and "already done" answers ({@code HitAlreadyExists},
 * {@code ExtendHITAlreadyExists}, an approved assignment, a deleted HIT) count as success.
 */
public class HitCalls {

  private final HitCreation creation;
  private final AssignmentListing listing;
  private final AssignmentReview review;
  private final HitDisposal disposal;
  private final MTurkOperations mturk;
  private final WorkerExclusion exclusion;
  private final MTurkMetrics metrics;
  private final int pageSize;

  HitCalls(
      HitCreation creation,
      AssignmentListing listing,
      AssignmentReview review,
      HitDisposal disposal,
      MTurkOperations mturk,
      WorkerExclusion exclusion,
      MTurkMetrics metrics,
      int pageSize) {
    this.creation = creation;
    this.listing = listing;
    this.review = review;
    this.disposal = disposal;
    this.mturk = mturk;
    this.exclusion = exclusion;
    this.metrics = metrics;
    this.pageSize = pageSize;
  }

  /** Calls through {@code client} as {@code config} says, paced by {@code pacer}. */
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
    MTurkOperations mturk =
        new MTurkOperations(client, new PacedCalls(pacer, metrics, config.maxAttempts()));
    HitRequests requests = new HitRequests(config.hit(), config.environment().externalSubmitUrl());
    WorkerExclusion exclusion =
        config.exclusion().enabled()
            ? new WorkerExclusion(mturk, config.exclusion().qualificationName())
            : null;
    return new HitCalls(
        new HitCreation(mturk, requests, exclusion),
        new AssignmentListing(mturk, new AnswerParser(), metrics, listPageSize),
        new AssignmentReview(mturk, metrics, requests.reward()),
        new HitDisposal(mturk),
        mturk,
        exclusion,
        metrics,
        listPageSize);
  }

  /** The command's outcome; never a failure. */
  public Uni<HitEvent> execute(HitCommand command) {
    return Uni.createFrom()
        .deferred(() -> dispatch(command))
        .onFailure()
        .recoverWithItem(error -> HitFailures.callFailed(command, error));
  }

  /**
   * Keeps the worker off our HITs; never fails, and answers with no event (a failure is logged and
   * counted). With exclusion turned off, only counted as skipped.
   */
  public Uni<Void> exclude(ExcludeWorker command) {
    if (exclusion == null) {
      metrics.exclusion("skipped");
      return Uni.createFrom().voidItem();
    }
    return exclusion.exclude(command.workerId(), metrics);
  }

  /**
   * One page of the HITs MTurk lists as Reviewable, reduced to ours; a failure (after the paced
   * retries) is a {@link TurkCallException}.
   */
  public Uni<ReviewablePage> reviewable(String nextToken) {
    return mturk
        .listReviewable(nextToken, pageSize)
        .map(
            r -> {
              List<HitEvent.HitReviewable> ours = new ArrayList<>();
              for (HIT hit : r.hiTs()) {
                String task = HitRequests.taskOf(hit.requesterAnnotation());
                if (task != null) {
                  int max = hit.maxAssignments() == null ? 0 : hit.maxAssignments();
                  // Reviewable with assignments nobody took: only an expired HIT is.
                  boolean expired =
                      hit.numberOfAssignmentsAvailable() != null
                          && hit.numberOfAssignmentsAvailable() > 0;
                  ours.add(new HitEvent.HitReviewable(task, hit.hitId(), max, expired));
                }
              }
              String next = r.nextToken();
              return new ReviewablePage(ours, next == null || next.isEmpty() ? null : next);
            });
  }

  private Uni<HitEvent> dispatch(HitCommand command) {
    if (command instanceof CreateHit c) {
      return creation.create(c);
    } else if (command instanceof ListAssignments c) {
      return listing.list(c);
    } else if (command instanceof AddAssignments c) {
      return review.add(c);
    } else if (command instanceof Approve c) {
      return review.approve(c);
    } else if (command instanceof ExpireHit c) {
      return disposal.expire(c);
    } else if (command instanceof DeleteHit c) {
      return disposal.delete(c);
    }
    throw new IllegalArgumentException("unknown command " + command.getClass().getSimpleName());
  }
}
