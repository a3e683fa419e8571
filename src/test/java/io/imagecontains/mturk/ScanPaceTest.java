package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scans slow down while they find nothing and return to the base interval once they do. */
class ScanPaceTest {

  private final ScanPace pace = new ScanPace(Duration.ofSeconds(10), Duration.ofSeconds(30));

  @Test
  void emptyScansDoubleTheWaitUpToTheMaximum() {
    assertThat(pace.after(0)).isEqualTo(Duration.ofSeconds(20));
    assertThat(pace.after(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(pace.after(0)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aScanThatFindsAHitGoesBackToTheBaseInterval() {
    pace.after(0);
    pace.after(0);

    assertThat(pace.after(3)).isEqualTo(Duration.ofSeconds(10));
    assertThat(pace.after(0)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aMaximumBelowTheIntervalIsRefused() {
    assertThatThrownBy(() -> new ScanPace(Duration.ofSeconds(10), Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-interval");
  }
}
