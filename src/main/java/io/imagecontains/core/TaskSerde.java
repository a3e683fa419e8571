package io.imagecontains.core;

import io.imagecontains.task.Task;
import io.imagecontains.task.TaskJson;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the {@code tasks} store's values (and so of its changelog): writes {@link TaskBinary};
 * reads it, and also the JSON that earlier versions wrote, so a store restored after an upgrade
 * from its changelog keeps every task.
 */
public final class TaskSerde {

  private TaskSerde() {}

  public static Serde<Task> create() {
    Serializer<Task> serializer = (topic, task) -> task == null ? null : TaskBinary.write(task);
    Deserializer<Task> deserializer = (topic, bytes) -> bytes == null ? null : read(bytes);
    return Serdes.serdeFrom(serializer, deserializer);
  }

  static Task read(byte[] bytes) {
    if (bytes.length > 0 && bytes[0] == '{') {
      return TaskJson.read(bytes, Task.class); // written by a version before TaskBinary
    }
    return TaskBinary.read(bytes);
  }
}
