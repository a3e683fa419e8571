package io.imagecontains.core;

import io.imagecontains.task.Task;
import io.imagecontains.task.TaskJson;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** JSON serde of the {@code tasks} store's values (and so of its changelog). */
public final class TaskSerde {

  private TaskSerde() {}

  public static Serde<Task> create() {
    Serializer<Task> serializer = (topic, task) -> task == null ? null : TaskJson.write(task);
    Deserializer<Task> deserializer =
        (topic, bytes) -> bytes == null ? null : TaskJson.read(bytes, Task.class);
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
