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
  private final AtomicReference<String> typeId = new AtomicReference<>();

  /** The lookup under way, shared by the calls that need the id meanwhile; null when none is. */
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
    String known = typeId.get();
    if (known != null) {
      return Uni.createFrom().item(known);
    }
    Uni<String> shared = lookup.get();
    if (shared == null) {
      Uni<String> fresh =
          resolve().onTermination().invoke(() -> lookup.set(null)).memoize().indefinitely();
      shared = lookup.compareAndSet(null, fresh) ? fresh : lookup.get();
      if (shared == null) {
        shared = fresh;
      }
    }
    return shared;
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
            id -> {
              if (typeId.compareAndSet(null, id)) {
                LOG.infof("Excluded workers are kept off our HITs by qualification type %s", id);
              }
            });
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
