package io.imagecontains.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.task.TaskCommand.Action;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
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

  @Test
  void randomCommandsAreWrittenAsDatabindWritesThem() {
    TaskSamples samples = new TaskSamples(new Random(20261127));
    for (int i = 0; i < 3000; i++) {
      TaskCommand command = samples.command();
      assertThat(text(HotJson.command(command)))
          .as("command %s", command)
          .isEqualTo(text(TaskJson.write(command)));
    }
  }

  @Test
  void randomViewsAreWrittenAsDatabindWritesThem() {
    TaskSamples samples = new TaskSamples(new Random(1795000000));
    for (int i = 0; i < 3000; i++) {
      TaskView view = TaskView.of(samples.task());
      assertThat(text(HotJson.view(view)))
          .as("view %s", view)
          .isEqualTo(text(TaskJson.write(view)));
    }
  }

  @Test
  void instantsAreFormattedAsIsoInstantFormatsThem() {
    Random random = new Random(7);
    long[] fixed = {0, 999, 1000, -1, -1000, -1001, 1_795_000_000_000L, 253_402_300_800_000L};
    for (long millis : fixed) {
      Instant instant = Instant.ofEpochMilli(millis);
      assertThat(IsoInstant.format(instant))
          .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }
    long now = 1_795_000_000_000L;
    for (int i = 0; i < 20_000; i++) {
      // Mostly neighbours in time (the cache's case), some anywhere, some finer than millis.
      long millis = i % 10 == 0 ? random.nextLong() / 1000 : now + random.nextInt(5000);
      Instant instant = Instant.ofEpochMilli(millis);
      if (i % 7 == 0) {
        instant = instant.plusNanos(random.nextInt(1_000_000));
      }
      assertThat(IsoInstant.format(instant))
          .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
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
