package io.imagecontains.mturk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The gateway's window: one task's commands in order, other tasks' side by side up to the
 * concurrency, a slow command holding back only its own task, and room signalled by capacity.
 * Commands here are futures the test completes by hand.
 */
class CommandWindowTest {

  private final List<String> started = new ArrayList<>();
  private final List<CompletableFuture<Void>> calls = new ArrayList<>();

  private CompletableFuture<Void> submit(CommandWindow window, String task, String name) {
    return window.submit(
        task,
        () -> {
          started.add(name);
          CompletableFuture<Void> call = new CompletableFuture<>();
          calls.add(call);
          return call;
        });
  }

  @Test
  void aTasksCommandsRunInOrderAndASlowOneHoldsBackOnlyItsOwnTask() {
    CommandWindow window = new CommandWindow(4, 100);
    submit(window, "a", "a1");
    submit(window, "a", "a2");
    submit(window, "b", "b1");

    assertThat(started).containsExactly("a1", "b1"); // a2 waits for a1; b1 does not
    calls.get(1).complete(null); // b1 done
    submit(window, "b", "b2");
    assertThat(started).containsExactly("a1", "b1", "b2");

    calls.get(0).complete(null); // a1 done at last
    assertThat(started).containsExactly("a1", "b1", "b2", "a2");
  }

  @Test
  void noMoreThanTheConcurrencyRunAtOnce() {
    CommandWindow window = new CommandWindow(2, 100);
    for (String task : List.of("a", "b", "c", "d")) {
      submit(window, task, task);
    }
    assertThat(started).containsExactly("a", "b");

    calls.get(0).complete(null);
    assertThat(started).containsExactly("a", "b", "c");
    assertThat(window.size()).isEqualTo(3);
  }

  @Test
  void roomIsSignalledOnceFewerThanTheCapacityAreQueued() {
    CommandWindow window = new CommandWindow(1, 2);
    CompletableFuture<Void> first = submit(window, "a", "a");
    submit(window, "b", "b");
    CompletableFuture<Void> room = window.room();
    assertThat(room).isNotDone();

    calls.get(0).complete(null);

    assertThat(first).isCompleted();
    assertThat(room).isCompleted();
    assertThat(window.room()).isCompleted();
  }

  @Test
  void aFailedCommandFailsItsStageAndTheTaskGoesOn() {
    CommandWindow window = new CommandWindow(1, 10);
    CompletableFuture<Void> failing = submit(window, "a", "a1");
    CompletableFuture<Void> next = submit(window, "a", "a2");

    calls.get(0).completeExceptionally(new IllegalStateException("boom"));

    assertThat(failing).isCompletedExceptionally();
    assertThat(started).containsExactly("a1", "a2");
    calls.get(1).complete(null);
    assertThat(next).isCompleted();
    assertThat(window.size()).isZero();
  }
}
