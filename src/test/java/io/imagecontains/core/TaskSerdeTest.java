package io.imagecontains.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagecontains.task.Task;
import io.imagecontains.task.TaskJson;
import io.imagecontains.task.TaskSamples;
import java.util.Arrays;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * The tasks store's binary format keeps every field of every kind of task, reads the JSON of
 * earlier versions, and refuses damaged records instead of inventing tasks from them.
 */
class TaskSerdeTest {

  private final Serde<Task> serde = TaskSerde.create();

  @Test
  void everyTaskReadsBackEqualAsWithDatabind() {
    TaskSamples samples = new TaskSamples(new Random(2026));
    for (int i = 0; i < 5000; i++) {
      Task task = samples.task();
      Task viaDatabind = TaskJson.read(TaskJson.write(task), Task.class);
      Task viaBinary = roundTrip(task);
      assertThat(viaBinary).as("task %s", task).isEqualTo(task).isEqualTo(viaDatabind);
    }
  }

  @Test
  void readsTheJsonThatEarlierVersionsStored() {
    TaskSamples samples = new TaskSamples(new Random(11));
    for (int i = 0; i < 500; i++) {
      Task task = samples.task();
      assertThat(serde.deserializer().deserialize("changelog", TaskJson.write(task)))
          .isEqualTo(task);
    }
  }

  @Test
  void refusesCutShortUnknownAndOverlongRecords() {
    Task task =
        new TaskSamples(new Random(3)).task().withWork(new TaskSamples(new Random(4)).work());
    byte[] bytes = serde.serializer().serialize("changelog", task);
    assertThat(bytes[0]).isEqualTo((byte) TaskBinary.VERSION);
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] shorter = Arrays.copyOf(bytes, cut);
      assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", shorter))
          .as("cut at %d", cut)
          .isInstanceOf(SerializationException.class);
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", longer))
        .isInstanceOf(SerializationException.class);
    byte[] newer = bytes.clone();
    newer[0] = (byte) (TaskBinary.VERSION + 1);
    assertThatThrownBy(() -> serde.deserializer().deserialize("changelog", newer))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("version");
  }

  @Test
  void aStoredTestTaskIsSmallerThanItsJson() {
    Task task =
        Task.created(
                new io.imagecontains.task.TaskKey("image-contains-test", "bench-000001"),
                io.imagecontains.task.TaskInput.of(
                    "https://images.example.org/a/000001.jpg", "dog"),
                "image-contains-requests-0@1",
                1_795_000_000_000L)
            .completed(true, 1_795_000_000_005L);
    assertThat(serde.serializer().serialize("changelog", task).length)
        .isLessThan(TaskJson.write(task).length * 2 / 3);
  }

  private Task roundTrip(Task task) {
    return serde
        .deserializer()
        .deserialize("changelog", serde.serializer().serialize("changelog", task));
  }
}
