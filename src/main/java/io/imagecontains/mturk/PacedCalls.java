package io.imagecontains.mturk;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs MTurk calls at the {@link CallPacer}'s pace and retries them: throttling, 5xx and network
 * failures are tried again after a jittered, growing delay (the SDK's own retries are off, so the
 * pacer sees every throttle), up to {@code mturk.max-attempts}; MTurk's refusals are not retried.
 * Waiting is a Mutiny timer, never a blocked thread.
 */
final class PacedCalls {

  private static final Logger LOG = Logger.getLogger(PacedCalls.class);

  /** Vert.x timers' smallest delay. */
  static final Duration MIN_WAIT = Duration.ofMillis(1);

  private final CallPacer pacer;
  private final MTurkMetrics metrics;
  private final int maxAttempts;

  PacedCalls(CallPacer pacer, MTurkMetrics metrics, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("mturk.max-attempts must be at least 1");
    }
    this.pacer = pacer;
    this.metrics = metrics;
    this.maxAttempts = maxAttempts;
  }

  /**
   * The call's result, or a {@link TurkCallException}. {@code call} starts one attempt; it runs
   * once per attempt, so it must be safe to repeat (every mutating call carries its request token
   * or is harmless twice).
   */
  <T> Uni<T> call(String operation, Supplier<CompletableFuture<T>> call) {
    return attempt(operation, call, 1);
  }

  private <T> Uni<T> attempt(String operation, Supplier<CompletableFuture<T>> call, int attempt) {
    return Uni.createFrom()
        .deferred(
            () -> after(pacer.reserve(), Uni.createFrom().completionStage(timed(operation, call))))
        .onItem()
        .invoke(ignored -> succeeded(operation))
        .onFailure()
        .recoverWithUni(error -> retryOrFail(operation, call, attempt, error));
  }

  /** Starts the attempt when subscribed (after the pacer's wait), timing it from there. */
  private <T> Supplier<CompletableFuture<T>> timed(
      String operation, Supplier<CompletableFuture<T>> call) {
    return () -> {
      long start = System.nanoTime();
      return call.get()
          .whenComplete((result, error) -> metrics.latency(operation, System.nanoTime() - start));
    };
  }

  private void succeeded(String operation) {
    pacer.succeeded();
    metrics.call(operation, MTurkMetrics.Outcome.OK);
  }

  private <T> Uni<T> retryOrFail(
      String operation, Supplier<CompletableFuture<T>> call, int attempt, Throwable error) {
    TurkFailure failure = TurkFailure.of(error);
    metrics.call(operation, failure.outcome());
    if (failure.overloaded()) {
      pacer.overloaded();
    }
    if (!failure.retryable() || attempt >= maxAttempts) {
      return Uni.createFrom().failure(new TurkCallException(operation, failure, attempt));
    }
    Duration delay = pacer.retryDelay(attempt);
    LOG.debugf(
        "%s attempt %d: %s (%s); retrying in %d ms at %.2f calls/s",
        operation,
        attempt,
        failure.code(),
        failure.outcome(),
        delay.toMillis(),
        pacer.currentRate());
    return after(delay, attempt(operation, call, attempt + 1));
  }

  /**
   * {@code then} after {@code delay}. A wait under a millisecond is not waited: Quarkus runs
   * Mutiny's timers on Vert.x, which refuses them ("Cannot schedule a timer with delay &lt; 1 ms"),
   * and the pacer hands out such waits now and then (a slot due a fraction of a millisecond from
   * now). That refusal failed a CreateHIT for good in the calls benchmark.
   */
  static <T> Uni<T> after(Duration delay, Uni<T> then) {
    if (delay.compareTo(MIN_WAIT) < 0) {
      return then;
    }
    return Uni.createFrom().voidItem().onItem().delayIt().by(delay).chain(() -> then);
  }
}
