package io.imagecontains.mturk;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.mturk.model.QualificationType;

/**
 * Keeps workers whose answers tell nothing off our HITs, the way MTurk recommends instead of
 * blocking them (a block counts against a worker's standing): a qualification type of ours, granted
 * to each such worker, and required on every HIT not to exist. A worker granted it can finish what
 * they already accepted but accept nothing more of ours; nothing is sent to them.
 *
 * <p>The type is looked up by name (created the first time), once per process; until that succeeds,
 * HIT creation fails as a call that can be retried, so no HIT goes out without the requirement.
 */
final class WorkerExclusion {

  private static final Logger LOG = Logger.getLogger(WorkerExclusion.class);

  static final String DESCRIPTION =
      "Workers whose answers to image-contains HITs agreed with others no more than chance.";

  private final MTurkOperations mturk;
  private final String name;

  /**
   * The lookup: while it runs, shared by every call that needs the id; once it succeeded, the id
   * itself (replayed); after a failure, null again, so that the next call tries afresh.
   */
  private final AtomicReference<Uni<String>> lookup = new AtomicReference<>();

  WorkerExclusion(MTurkOperations mturk, String name) {
    this.mturk = mturk;
    this.name = name;
  }

  /**
   * The qualification type's id: known, found, or else created. Calls while a lookup is under way
   * share it (HIT creations start many at once); a failed lookup is tried afresh by the next call.
   */
  Uni<String> typeId() {
    Uni<String> shared = lookup.get();
    if (shared != null) {
      return shared;
    }
    Uni<String> fresh =
        resolve().onFailure().invoke(() -> lookup.set(null)).memoize().indefinitely();
    return lookup.compareAndSet(null, fresh) ? fresh : typeId();
  }

  private Uni<String> resolve() {
    return find()
        .onItem()
        .ifNull()
        .switchTo(
            () ->
                mturk
                    .createQualificationType(name, DESCRIPTION)
                    .map(QualificationType::qualificationTypeId)
                    // another instance created it in between: it can be found now
                    .onFailure(TurkCallException.class)
                    .recoverWithUni(error -> find().onItem().ifNull().failWith(() -> error)))
        .invoke(
            id -> LOG.infof("Excluded workers are kept off our HITs by qualification type %s", id));
  }

  /** Grants the worker our qualification; never fails (a failure is logged and counted). */
  Uni<Void> exclude(String workerId, MTurkMetrics metrics) {
    return typeId()
        .chain(id -> mturk.grant(id, workerId))
        .invoke(() -> metrics.exclusion("excluded"))
        .onFailure()
        .recoverWithItem(
            error -> {
              metrics.exclusion("failed");
              LOG.warnf("Could not exclude worker %s: %s", workerId, error.getMessage());
              return null;
            });
  }

  private Uni<String> find() {
    return mturk
        .ownQualificationTypes(name)
        .map(
            types ->
                types.stream()
                    .filter(t -> name.equals(t.name()))
                    .map(QualificationType::qualificationTypeId)
                    .findFirst()
                    .orElse(null));
  }
}
