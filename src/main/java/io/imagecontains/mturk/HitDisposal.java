package io.imagecontains.mturk;

import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.mturk.model.HITStatus;

/**
 * Answers {@link HitCommand.ExpireHit} and {@link HitCommand.DeleteHit}: taking a finished task's
 * HIT off the market, then out of the account. Both are safe to repeat: a HIT already expired or
 * gone has done what was asked.
 */
final class HitDisposal {

  private final MTurkOperations mturk;

  HitDisposal(MTurkOperations mturk) {
    this.mturk = mturk;
  }

  /** A HIT that is gone or no longer assignable offers nothing: that is what was asked. */
  Uni<HitEvent> expire(HitCommand.ExpireHit c) {
    return mturk
        .expire(c.hitId())
        .onFailure(TurkCallException.withCode(TurkFailure.HIT_DOES_NOT_EXIST))
        .recoverWithNull()
        .onFailure(TurkCallException.withCode(TurkFailure.INVALID_HIT_STATE))
        .recoverWithUni(error -> unlessAssignable(c.hitId(), error))
        .map(ignored -> new HitEvent.HitExpired(c.taskKey(), c.hitId()));
  }

  /**
   * MTurk deletes only a Reviewable HIT whose assignments are all reviewed: before that its refusal
   * becomes a retryable CallFailed (the core tries again later); a HIT already gone counts as
   * deleted.
   */
  Uni<HitEvent> delete(HitCommand.DeleteHit c) {
    HitEvent deleted = new HitEvent.HitDeleted(c.taskKey(), c.hitId());
    return mturk
        .delete(c.hitId())
        .replaceWith(deleted)
        .onFailure(TurkCallException.withCode(TurkFailure.HIT_DOES_NOT_EXIST))
        .recoverWithItem(deleted)
        .onFailure(TurkCallException.withCode(TurkFailure.INVALID_HIT_STATE))
        .recoverWithUni(error -> deletedOrNotYet(c, deleted, (TurkCallException) error));
  }

  private Uni<HitEvent> deletedOrNotYet(
      HitCommand.DeleteHit c, HitEvent deleted, TurkCallException refusal) {
    return mturk
        .getHit(c.hitId())
        .map(
            hit ->
                hit.hitStatus() == HITStatus.DISPOSED
                    ? deleted
                    : HitFailures.callFailed(c, refusal, true));
  }

  private Uni<Void> unlessAssignable(String hitId, Throwable refusal) {
    return mturk
        .getHit(hitId)
        .chain(
            hit ->
                hit.hitStatus() == HITStatus.ASSIGNABLE
                    ? Uni.createFrom().failure(refusal)
                    : Uni.createFrom().voidItem());
  }
}
