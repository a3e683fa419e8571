package io.imagecontains.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.task.TaskCommand.Action;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming writers write exactly what databind writes, for every shape they handle. */
class HotJsonTest {

  private static final TaskInput INPUT =
      TaskInput.of("https://x.org/a.jpg?q=\"1\"&b=<2>", "dog \u00e9\u2603 \\ \n\"quoted\"");

  @Test
  void commandsAreWrittenAsDatabindWritesThem() {
    List<TaskCommand> commands =
        List.of(
            new TaskCommand(
                Action.PUT,
                "image-contains-test",
                "t1",
                INPUT,
                "requests-0@1",
                new Source(Source.KAFKA, "requests", 0, 1L, "k\u00ff")),
            new TaskCommand(Action.DELETE, "image-contains", "t2", null, "rest-x", Source.rest()),
            new TaskCommand(Action.PUT, "image-contains", "t3", INPUT, null, null));
    for (TaskCommand command : commands) {
      assertThat(text(HotJson.command(command))).isEqualTo(text(TaskJson.write(command)));
    }
  }

  @Test
  void viewsAreWrittenAsDatabindWritesThem() {
    Task created = Task.created(new TaskKey("image-contains", "t"), INPUT, "c", 1_795_000_000_123L);
    HitWorkFixture work = new HitWorkFixture();
    List<Task> tasks =
        List.of(
            created,
            created.completed(true, 1_795_000_000_999L),
            created.failed(new Problem("Expired", "too late"), 1_795_000_001_000L),
            created.withWork(work.value()).completed(false, 1_795_000_002_000L));
    for (Task task : tasks) {
      TaskView view = TaskView.of(task);
      assertThat(text(HotJson.view(view))).isEqualTo(text(TaskJson.write(view)));
    }
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }

  /** A finished task's HIT work, so details carry answers and confidence. */
  private static final class HitWorkFixture {
    HitWork value() {
      return HitWork.creating("token", 3, 0)
          .withAnswers(
              List.of(
                  new HitWork.Answer("A1", "W1", false, 1),
                  new HitWork.Answer("A2", "W2", false, 2)),
              List.of("A3"),
              0)
          .withConfidence(0.9912);
    }
  }
}
