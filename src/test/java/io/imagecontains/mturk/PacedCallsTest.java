package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paced calls where Mutiny's timers behave as in Quarkus, which runs them on Vert.x: a timer under
 * one millisecond is refused with an IllegalArgumentException.
 */
class PacedCallsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
  private final MTurkConfig config = TestConfigs.mturk(Map.of("mturk.rate-limit", "4"));
  private final CallPacer pacer =
      new CallPacer(clock, config.rateLimit(), config.backoff(), () -> 0.5);
  private final PacedCalls calls =
      new PacedCalls(pacer, new MTurkMetrics(new SimpleMeterRegistry()), 1);
  private NoSubMillisecondTimers vertxLike;

  @BeforeEach
  void timersAsInQuarkus() {
    vertxLike = new NoSubMillisecondTimers();
    Infrastructure.setDefaultExecutor(vertxLike); // (Mutiny shuts the previous one down)
  }

  @AfterEach
  void restore() {
    Infrastructure.setDefaultExecutor(); // a fresh default; shuts ours down
  }

  @Test
  void aWaitOfAFractionOfAMillisecondDoesNotFailTheCall() {
    for (int i = 0; i < 4; i++) { // a second's worth at 4 calls/s goes at once
      assertThat(call()).isEqualTo("ok");
    }
    clock.advance(Duration.ofNanos(249_600_000)); // the next slot is now 0.4 ms away

    assertThat(call()).isEqualTo("ok");
  }

  @Test
  void aWaitOfAMillisecondOrMoreIsWaited() {
    for (int i = 0; i < 4; i++) {
      call();
    }
    clock.advance(Duration.ofMillis(240)); // 10 ms away

    assertThat(call()).isEqualTo("ok");
    assertThat(vertxLike.scheduled).isEqualTo(1);
  }

  private String call() {
    return calls
        .call("Op", () -> CompletableFuture.completedFuture("ok"))
        .await()
        .atMost(Duration.ofSeconds(10));
  }

  /** A scheduler that refuses what Vert.x refuses. */
  private static final class NoSubMillisecondTimers extends ScheduledThreadPoolExecutor {
    int scheduled;

    NoSubMillisecondTimers() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      check(delay, unit);
      return super.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
      check(delay, unit);
      return super.schedule(callable, delay, unit);
    }

    private void check(long delay, TimeUnit unit) {
      if (unit.toNanos(delay) < 1_000_000) { // Mutiny passes whole milliseconds: 0.4 ms is 0
        throw new IllegalArgumentException("Cannot schedule a timer with delay < 1 ms");
      }
      scheduled++;
    }
  }
}
