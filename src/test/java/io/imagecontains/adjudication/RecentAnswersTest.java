package io.imagecontains.adjudication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {

  private final RecentAnswers window =
      new RecentAnswers(new AdjudicationSettings(0.8, 0.9, 0.98, 9, 0.5, 4, 0.98, 4, 3));

  @Test
  void aFitIsDueEverySoManyAnswers() {
    assertThat(window.add("a", List.of(answer("w1", "a")))).isFalse();
    assertThat(window.add("b", List.of(answer("w1", "b"), answer("w2", "b")))).isTrue();
    assertThat(window.add("c", List.of(answer("w3", "c")))).isFalse();
  }

  @Test
  void keepsTheLatestAnswersGroupedByTaskOldestFirst() {
    window.add("a", List.of(answer("w1", "a"), answer("w2", "a")));
    window.add("b", List.of(answer("w1", "b")));
    window.add("a", List.of(answer("w3", "a")));
    window.add("c", List.of(answer("w2", "c")));

    assertThat(window.size()).isEqualTo(4);
    assertThat(window.byTask())
        .containsExactly(
            List.of(answer("w2", "a"), answer("w3", "a")),
            List.of(answer("w1", "b")),
            List.of(answer("w2", "c")));
  }

  private static WorkerAnswer answer(String worker, String task) {
    return new WorkerAnswer(worker, task + "/" + worker, true);
  }
}
