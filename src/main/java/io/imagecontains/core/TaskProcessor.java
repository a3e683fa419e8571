package io.imagecontains.core;

import io.imagecontains.task.Task;
import io.imagecontains.task.TaskCommand;
import io.imagecontains.task.TaskJson;
import io.imagecontains.task.TaskView;
import java.io.UncheckedIOException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Applies each command of the task-commands topic to its task in the {@code tasks} store and
 * publishes what changed: task views (or a tombstone) to the results topic, refusals to the
 * rejections topic. Runs under exactly-once, so store, outputs and input offsets commit together.
 */
final class TaskProcessor implements Processor<String, byte[], String, byte[]> {

  private static final Logger LOG = Logger.getLogger(TaskProcessor.class);

  private final TaskMetrics metrics;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, Task> tasks;

  TaskProcessor(TaskMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.tasks = context.getStateStore(TaskTopology.TASKS_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    TaskCommand command = read(record);
    if (command == null) {
      return;
    }
    String key = command.key().toString();
    long now = context.currentSystemTimeMs();
    Transition transition = TaskTransitions.apply(tasks.get(key), command, now);
    store(key, command, transition);
    for (Task view : transition.views()) {
      metrics.entered(view);
      publish(key, TaskJson.write(TaskView.of(view)), now, TaskTopology.RESULTS_SINK);
    }
    if (transition.rejection() != null) {
      metrics.refused(transition.rejection().code());
      publish(key, TaskJson.write(transition.rejection()), now, TaskTopology.REJECTIONS_SINK);
    }
  }

  private void store(String key, TaskCommand command, Transition transition) {
    if (transition.deleted()) {
      tasks.delete(key);
      metrics.deleted(command.function());
      publish(key, null, context.currentSystemTimeMs(), TaskTopology.RESULTS_SINK);
    } else if (transition.stored() != null) {
      tasks.put(key, transition.stored());
    }
  }

  private void publish(String key, byte[] value, long now, String sink) {
    context.forward(new Record<>(key, value, now), sink);
  }

  /**
   * Only this service writes the task-commands topic, so an unreadable command is a bug or a stray
   * producer: log and count it, but never stop every other task's processing for it.
   */
  private TaskCommand read(Record<String, byte[]> record) {
    try {
      TaskCommand command = TaskJson.read(record.value(), TaskCommand.class);
      if (command.action() == null || command.function() == null || command.taskName() == null) {
        throw new IllegalArgumentException("action, function and taskName are required");
      }
      return command;
    } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
      metrics.unreadableCommand();
      LOG.errorf(
          "Skipping unreadable command at %s: %s",
          context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()),
          e.getMessage());
      return null;
    }
  }
}
