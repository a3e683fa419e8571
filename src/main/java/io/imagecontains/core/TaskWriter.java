package io.imagecontains.core;

import io.imagecontains.mturk.HitCommand;
import io.imagecontains.task.HotJson;
import io.imagecontains.task.Rejection;
import io.imagecontains.task.Task;
import io.imagecontains.task.TaskJson;
import io.imagecontains.task.TaskView;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Everything the core writes for a task, in one place: the {@code tasks} store and its {@code due}
 * entry, the view on the results topic when the public state changed, refusals, and the calls for
 * the MTurk gateway. Under exactly-once all of it commits with the input record.
 */
final class TaskWriter {

  private final ProcessorContext<String, byte[]> context;
  private final KeyValueStore<String, Task> tasks;
  private final DueIndex due;
  private final TaskMetrics metrics;

  TaskWriter(
      ProcessorContext<String, byte[]> context,
      KeyValueStore<String, Task> tasks,
      DueIndex due,
      TaskMetrics metrics) {
    this.context = context;
    this.tasks = tasks;
    this.due = due;
    this.metrics = metrics;
  }

  Task get(String key) {
    return tasks.get(key);
  }

  /** Stores {@code after} (null: deletes) and moves its wake-up from {@code before}'s. */
  void store(String key, Task before, Task after) {
    due.move(key, wakeAt(before), wakeAt(after));
    if (after == null) {
      tasks.delete(key);
      metrics.deleted(before.function());
      publish(key, null, TaskTopology.RESULTS_SINK);
    } else {
      tasks.put(key, after);
    }
  }

  /** Stores the task and publishes its view if its public state changed. */
  void update(String key, Task before, Task after) {
    store(key, before, after);
    if (before == null || before.state() != after.state()) {
      view(key, after);
    }
  }

  void view(String key, Task task) {
    metrics.entered(task);
    publish(key, HotJson.view(TaskView.of(task)), TaskTopology.RESULTS_SINK);
  }

  void refuse(String key, Rejection rejection) {
    metrics.refused(rejection.code());
    publish(key, TaskJson.write(rejection), TaskTopology.REJECTIONS_SINK);
  }

  void call(HitCommand command) {
    metrics.hitCommand(command);
    publish(command.taskKey(), TaskJson.write(command), TaskTopology.HIT_COMMANDS_SINK);
  }

  private void publish(String key, byte[] value, String sink) {
    context.forward(new Record<>(key, value, context.currentSystemTimeMs()), sink);
  }

  private static long wakeAt(Task task) {
    return task == null || task.work() == null ? 0 : task.work().wakeAt();
  }
}
