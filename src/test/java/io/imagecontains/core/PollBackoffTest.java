package io.imagecontains.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PollBackoffTest {

  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private final PollBackoff exact = new PollBackoff(TEN_SECONDS, FIVE_MINUTES, 2, 0);
  private final PollBackoff jittered = new PollBackoff(TEN_SECONDS, FIVE_MINUTES, 2, 0.25);

  @Test
  void waitsDoubleWithEachFruitlessPoll() {
    List<Long> seconds = new ArrayList<>();
    for (int attempt = 0; attempt < 5; attempt++) {
      seconds.add(exact.delay(attempt, new SplittableRandom(1)).toSeconds());
    }

    assertThat(seconds).containsExactly(10L, 20L, 40L, 80L, 160L);
  }

  @Test
  void neverWaitsLongerThanTheCapHoweverLongItWaited() {
    assertThat(exact.delay(5, new SplittableRandom(1))).isEqualTo(FIVE_MINUTES);
    assertThat(exact.delay(60, new SplittableRandom(1))).isEqualTo(FIVE_MINUTES);
    assertThat(exact.delay(Integer.MAX_VALUE, new SplittableRandom(1))).isEqualTo(FIVE_MINUTES);
    assertThat(jittered.delay(Integer.MAX_VALUE, new SplittableRandom(1)))
        .isLessThanOrEqualTo(FIVE_MINUTES);
  }

  @Test
  void jitterTakesOffAtMostItsShareAndSpreadsThePolls() {
    SplittableRandom random = new SplittableRandom(7);
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      Duration delay = jittered.delay(2, random);
      assertThat(delay).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(40));
      seen.add(delay);
    }

    assertThat(seen).as("HITs created together must not poll together").hasSizeGreaterThan(500);
  }

  @Test
  void theSameSeedGivesTheSameSchedule() {
    assertThat(schedule(new SplittableRandom(42))).isEqualTo(schedule(new SplittableRandom(42)));
    assertThat(schedule(new SplittableRandom(42))).isNotEqualTo(schedule(new SplittableRandom(43)));
  }

  @Test
  void newAnswersBringPollingBackToTheInitialPace() {
    int attempt = 0;
    for (int poll = 0; poll < 6; poll++) {
      attempt = PollBackoff.nextAttempt(attempt, false);
    }
    assertThat(exact.delay(attempt, new SplittableRandom(1))).isEqualTo(FIVE_MINUTES);

    attempt = PollBackoff.nextAttempt(attempt, true);

    assertThat(exact.delay(attempt, new SplittableRandom(1))).isEqualTo(TEN_SECONDS);
  }

  @Test
  void aPollIsDueItsDelayAfterTheLastOneOnAMovedClock() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    Instant first = exact.dueAt(clock.instant(), 0, new SplittableRandom(1));
    Clock moved = Clock.offset(clock, Duration.between(clock.instant(), first));

    Instant second = exact.dueAt(moved.instant(), 1, new SplittableRandom(1));

    assertThat(first).isEqualTo(Instant.parse("2026-11-27T10:00:10Z"));
    assertThat(second).isEqualTo(Instant.parse("2026-11-27T10:00:30Z"));
  }

  @Test
  void refusesSchedulesThatMakeNoSense() {
    assertThatThrownBy(() -> new PollBackoff(Duration.ZERO, FIVE_MINUTES, 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PollBackoff(FIVE_MINUTES, TEN_SECONDS, 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PollBackoff(TEN_SECONDS, FIVE_MINUTES, 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PollBackoff(TEN_SECONDS, FIVE_MINUTES, 2, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<Duration> schedule(SplittableRandom random) {
    List<Duration> delays = new ArrayList<>();
    for (int attempt = 0; attempt < 8; attempt++) {
      delays.add(jittered.delay(attempt, random));
    }
    return delays;
  }
}
