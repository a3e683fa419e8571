package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pacer on a clock the test moves: rate, burst, AIMD back-off and recovery, retry delays. */
class CallPacerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
  private final MTurkConfig config =
      TestConfigs.mturk(
          Map.of(
              "mturk.rate-limit", "4",
              "mturk.backoff.min-rate", "0.5",
              "mturk.backoff.decrease-factor", "0.5",
              "mturk.backoff.recovery-step", "1",
              "mturk.backoff.recovery-interval", "PT1S",
              "mturk.backoff.initial", "PT0.5S",
              "mturk.backoff.max", "PT4S",
              "mturk.backoff.jitter", "0.5"));
  private double draw = 0.5;
  private final CallPacer pacer =
      new CallPacer(clock, config.rateLimit(), config.backoff(), () -> draw);

  @Test
  void aSecondsWorthOfCallsGoesAtOnceThenOneEveryInterval() {
    assertThat(IntStream.range(0, 4).mapToObj(i -> pacer.reserve())).allMatch(Duration::isZero);
    assertThat(pacer.reserve()).isEqualTo(Duration.ofMillis(250));
    assertThat(pacer.reserve()).isEqualTo(Duration.ofMillis(500));

    clock.advance(Duration.ofSeconds(10)); // idle: the bucket is full again
    assertThat(IntStream.range(0, 4).mapToObj(i -> pacer.reserve())).allMatch(Duration::isZero);
  }

  /** A throttled interval: every call refused. */
  private void refused(int calls) {
    for (int i = 0; i < calls; i++) {
      pacer.overloaded();
    }
  }

  private void succeeded(int calls) {
    for (int i = 0; i < calls; i++) {
      pacer.succeeded();
    }
  }

  private static final int RUN = CallPacer.CLEAR_RUN;
  private static final int JUDGED = CallPacer.MIN_JUDGED;

  @Test
  void aClearRunOfRefusalsHalvesTheRateAtOnceButOncePerInterval() {
    refused(RUN - 1);
    assertThat(pacer.currentRate()).isEqualTo(4.0); // a few could be bad luck
    refused(1);
    assertThat(pacer.currentRate()).isEqualTo(2.0); // a clear run: at once
    refused(RUN);
    assertThat(pacer.currentRate()).isEqualTo(2.0); // once per interval
  }

  @Test
  void mostlyRefusedIntervalsHalveTheRateDownToTheFloor() {
    for (int second = 0; second < 6; second++) {
      for (int i = 0; i < JUDGED / 2; i++) {
        pacer.succeeded();
        pacer.overloaded(); // half refused: at the overload share, never a clear run
      }
      clock.advance(Duration.ofSeconds(1));
    }
    pacer.succeeded(); // the last interval is judged when the next call comes
    assertThat(pacer.currentRate()).isEqualTo(0.5);
  }

  @Test
  void anIntervalWithTooFewCallsIsJudgedWithTheNext() {
    refused(2);
    succeeded(2);
    clock.advance(Duration.ofSeconds(1));
    succeeded(1); // half of four refused, but four are too few to judge
    assertThat(pacer.currentRate()).isEqualTo(4.0);
    succeeded(JUDGED - 5); // the interval now holds enough calls, 2 refused: hold
    clock.advance(Duration.ofSeconds(1));
    succeeded(1);
    assertThat(pacer.currentRate()).isEqualTo(4.0);
  }

  @Test
  void scatteredFaultsHoldTheRateInsteadOfCollapsingIt() {
    refused(RUN); // 2 calls/s
    for (int second = 0; second < 40; second++) {
      clock.advance(Duration.ofSeconds(1));
      for (int i = 0; i < JUDGED / 5; i++) {
        pacer.overloaded(); // one call in five refused
        succeeded(4);
      }
    }
    assertThat(pacer.currentRate()).isEqualTo(4.0); // a fifth is under half the share: recovered
  }

  @Test
  void aQuarterOfCallsRefusedAtRandomNeverSlowsDown() {
    java.util.Random random = new java.util.Random(7);
    int longestRun = 0;
    int run = 0;
    double lowest = pacer.currentRate();
    for (int second = 0; second < 600; second++) {
      clock.advance(Duration.ofSeconds(1));
      for (int i = 0; i < 100; i++) { // a hundred calls a second, a quarter refused
        if (random.nextDouble() < 0.25) {
          pacer.overloaded();
          longestRun = Math.max(longestRun, ++run);
        } else {
          pacer.succeeded();
          run = 0;
        }
        lowest = Math.min(lowest, pacer.currentRate());
      }
    }
    assertThat(lowest).isEqualTo(4.0);
    assertThat(longestRun).isLessThan(RUN); // (bad luck with this seed would show here)
  }

  @Test
  void refusalsBetweenSuccessesAreNoClearRun() {
    for (int i = 0; i < 3; i++) {
      refused(RUN - 1);
      succeeded(1);
    }
    assertThat(pacer.currentRate()).isEqualTo(4.0); // most refused, but judged with the interval

    clock.advance(Duration.ofSeconds(1));
    succeeded(1);
    assertThat(pacer.currentRate()).isEqualTo(2.0);
  }

  @Test
  void aSlowerRateSpacesCallsFurther() {
    refused(JUDGED); // 2 calls/s, and the interval has enough calls to end
    clock.advance(Duration.ofSeconds(1));
    refused(RUN); // 1 call/s
    pacer.reserve();
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(1));
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void cleanIntervalsRecoverOneStepEachUpToTheLimit() {
    refused(JUDGED); // 2
    clock.advance(Duration.ofSeconds(1));
    succeeded(JUDGED); // the refused interval ends: no second cut, and no step up
    assertThat(pacer.currentRate()).isEqualTo(2.0);

    clock.advance(Duration.ofSeconds(1));
    succeeded(1); // the clean interval ends: one step, however many successes
    assertThat(pacer.currentRate()).isEqualTo(3.0);

    for (int second = 0; second < 3; second++) {
      succeeded(JUDGED);
      clock.advance(Duration.ofSeconds(1));
    }
    succeeded(1);
    assertThat(pacer.currentRate()).isEqualTo(4.0); // never above mturk.rate-limit
  }

  @Test
  void retryDelaysDoubleUpToTheMaxWithJitter() {
    draw = 0.0; // the smallest the jitter allows: half the delay
    assertThat(pacer.retryDelay(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(pacer.retryDelay(2)).isEqualTo(Duration.ofMillis(500));
    draw = 1.0; // the largest: the whole delay
    assertThat(pacer.retryDelay(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(pacer.retryDelay(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(pacer.retryDelay(4)).isEqualTo(Duration.ofSeconds(4));
    assertThat(pacer.retryDelay(10)).isEqualTo(Duration.ofSeconds(4));
  }
}
