package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.mturk.HitEvent.AssignmentsListed;
import io.imagecontains.mturk.HitEvent.HitCreated;
import io.imagecontains.mturk.HitEvent.WorkerAnswer;
import io.imagecontains.workforce.crowd.AnswerPoison;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Broken and hostile answers from the simulator's crowd: passed on unread, counted, never fatal.
 */
class HitCallAnswersTest {

  private final SimulatedMTurk sim =
      new SimulatedMTurk(
          SimulatedMTurk.perfectCrowd().withPoison(new AnswerPoison(0.4, 0.3, 0.3)), Map.of());

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void malformedUnknownAndXxeAnswersAreFlaggedAndCountedOnce() {
    String task = "image-contains/poisoned";
    HitCreated created =
        (HitCreated)
            sim.execute(new HitCommand.CreateHit(task, "tok-p", HitCallsTest.DOG_URL, "dog", 9));
    sim.advance(Duration.ofHours(1));

    HitCommand list = new HitCommand.ListAssignments(task, created.hitId());
    AssignmentsListed listed = (AssignmentsListed) sim.execute(list);
    sim.execute(list); // a second poll re-reads the same answers

    assertThat(listed.answers()).hasSize(9);
    assertThat(listed.answers()).extracting(WorkerAnswer::containsTarget).containsOnlyNulls();
    assertThat(listed.answers()).extracting(WorkerAnswer::problem).doesNotContainNull();
    assertThat(listed.answers())
        .extracting(WorkerAnswer::problem)
        .anyMatch(p -> p.startsWith("MALFORMED_XML"))
        .noneMatch(p -> p.contains("root:")); // nothing of /etc/passwd leaks into the event
    assertThat(sim.counter(MTurkMetrics.MALFORMED)).isEqualTo(9);
  }
}
