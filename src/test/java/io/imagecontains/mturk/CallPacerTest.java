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

  @Test
  void mostlyRefusedIntervalsHalveTheRateOnceEachDownToTheFloor() {
    pacer.overloaded();
    assertThat(pacer.currentRate()).isEqualTo(4.0); // one refusal alone is judged at the end
    pacer.overloaded();
    assertThat(pacer.currentRate()).isEqualTo(2.0); // a run of them: at once
    pacer.overloaded();
    assertThat(pacer.currentRate()).isEqualTo(2.0); // once per interval

    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(1));
      pacer.overloaded(); // one refused call per interval, judged when the next one starts
    }
    assertThat(pacer.currentRate()).isEqualTo(0.5);
  }

  @Test
  void atALowRateALoneRefusalPerIntervalDoesNotHalveIt() {
    pacer.overloaded();
    pacer.overloaded();
    assertThat(pacer.currentRate()).isEqualTo(2.0);
    for (int second = 0; second < 10; second++) {
      clock.advance(Duration.ofSeconds(1));
      if (second % 2 == 0) {
        pacer.overloaded(); // one call in four refused: two calls a second, one refused per two
      }
      pacer.succeeded();
    }
    assertThat(pacer.currentRate()).isEqualTo(2.0);
  }

  @Test
  void scatteredFaultsHoldTheRateInsteadOfCollapsingIt() {
    for (int second = 0; second < 20; second++) {
      pacer.overloaded(); // one call in five refused, every second
      for (int i = 0; i < 4; i++) {
        pacer.succeeded();
      }
      clock.advance(Duration.ofSeconds(1));
    }
    pacer.succeeded();
    assertThat(pacer.currentRate()).isEqualTo(4.0);
  }

  @Test
  void aSlowerRateSpacesCallsFurther() {
    pacer.overloaded();
    pacer.overloaded(); // 2 calls/s
    clock.advance(Duration.ofSeconds(1));
    pacer.overloaded();
    pacer.overloaded(); // 1 call/s
    pacer.reserve();
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(1));
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void cleanIntervalsRecoverOneStepEachUpToTheLimit() {
    pacer.overloaded();
    pacer.overloaded(); // 2
    clock.advance(Duration.ofSeconds(1));
    pacer.succeeded(); // the refused interval ends: no second cut, and no step up
    pacer.succeeded();
    assertThat(pacer.currentRate()).isEqualTo(2.0);

    clock.advance(Duration.ofMillis(1000));
    pacer.succeeded(); // the clean interval ends: one step, however many successes
    assertThat(pacer.currentRate()).isEqualTo(3.0);

    clock.advance(Duration.ofSeconds(1));
    pacer.succeeded();
    clock.advance(Duration.ofSeconds(1));
    pacer.succeeded();
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
