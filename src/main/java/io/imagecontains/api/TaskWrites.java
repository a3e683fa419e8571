package io.imagecontains.api;

import io.imagecontains.task.Task;
import io.imagecontains.task.TaskKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits, after a REST write was handed to the core, until the {@code tasks} store shows its effect
 * — polling with a short backoff, since the core answers through its store, not by reply.
 */
@ApplicationScoped
public class TaskWrites {

  private final TaskLookup lookup;
  private final ApiConfig config;

  public TaskWrites(TaskLookup lookup, ApiConfig config) {
    this.lookup = lookup;
    this.config = config;
  }

  /**
   * The task as the store has it now, waiting out a rebalance (503) for up to {@code
   * api.write-timeout}: a write should not fail because partitions are moving for a moment.
   */
  Uni<Optional<Task>> current(TaskKey key) {
    return await(
        key,
        found -> true,
        () ->
            ProblemException.unavailable(
                "the task store did not answer within "
                    + config.writeTimeout().toSeconds()
                    + " s"));
  }

  /** The store's answer once {@code done} holds; 504 past {@code api.write-timeout}. */
  Uni<Optional<Task>> awaitStore(TaskKey key, Predicate<Optional<Task>> done) {
    return await(
        key,
        done,
        () ->
            new ProblemException(
                504,
                "Timeout",
                "the request was accepted but not applied within "
                    + config.writeTimeout().toSeconds()
                    + " s; it will be, and repeating it is safe",
                null));
  }

  private Uni<Optional<Task>> await(
      TaskKey key, Predicate<Optional<Task>> done, Supplier<ProblemException> onTimeout) {
    return Uni.createFrom()
        .deferred(() -> lookup.find(key))
        .map(
            found -> {
              if (!done.test(found)) {
                throw new NotYet();
              }
              return found;
            })
        .onFailure(TaskWrites::worthRetrying)
        .retry()
        .withBackOff(Duration.ofMillis(5), Duration.ofMillis(100))
        .expireIn(config.writeTimeout().toMillis())
        .onFailure(TaskWrites::gaveUp)
        .transform(e -> onTimeout.get());
  }

  /** Mutiny reports an expired retry as an IllegalStateException caused by the last failure. */
  private static boolean gaveUp(Throwable failure) {
    return worthRetrying(failure)
        || failure instanceof IllegalStateException && worthRetrying(failure.getCause());
  }

  private static boolean worthRetrying(Throwable failure) {
    return failure instanceof NotYet
        || failure instanceof ProblemException problem && problem.status() == 503;
  }

  /** The core has not applied the write yet. */
  private static final class NotYet extends RuntimeException {
    NotYet() {
      super(null, null, false, false);
    }
  }
}
