package io.imagecontains.core;

import io.imagecontains.mturk.HitCommand;
import io.imagecontains.mturk.HitEvent;
import io.imagecontains.task.CommandReader;
import io.imagecontains.task.Task;
import io.imagecontains.task.TaskCommand;
import io.imagecontains.task.TaskFunction;
import io.imagecontains.task.TaskJson;
import io.imagecontains.task.TaskMdc;
import java.io.UncheckedIOException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * The single writer of every task. Applies the task-commands topic (puts, deletes) and the
 * hit-events topic (what the MTurk gateway saw) to the tasks in the {@code tasks} store, and wakes
 * tasks whose time has come (the {@code due} store, a wall-clock punctuator). Publishes views,
 * refusals and calls for the gateway through {@link TaskWriter}.
 */
final class TaskProcessor implements Processor<String, byte[], String, byte[]> {

  private static final Logger LOG = Logger.getLogger(TaskProcessor.class);

  private final CoreWiring wiring;
  private ProcessorContext<String, byte[]> context;
  private TaskWriter writer;
  private DueIndex due;
  private WorkerBook workers;

  TaskProcessor(CoreWiring wiring) {
    this.wiring = wiring;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.due = new DueIndex(context.getStateStore(TaskTopology.DUE_STORE));
    this.workers =
        new WorkerBook(
            context.getStateStore(TaskTopology.WORKERS_STORE),
            wiring.lifecycle().adjudicator(),
            wiring.exclusion(),
            wiring.metrics());
    this.writer =
        new TaskWriter(
            context, context.getStateStore(TaskTopology.TASKS_STORE), due, wiring.metrics());
    context.schedule(wiring.tick(), PunctuationType.WALL_CLOCK_TIME, this::wake);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    try (TaskMdc mdc = TaskMdc.of(record.key())) { // both input topics are keyed by task
      handle(record);
    }
  }

  private void handle(Record<String, byte[]> record) {
    String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
    if (topic.equals(wiring.hitEventsTopic())) {
      HitEvent event = read(record, HitEvent.class);
      if (event != null) {
        onHitEvent(event);
      }
    } else {
      TaskCommand command = read(record, TaskCommand.class);
      if (command != null) {
        onCommand(command);
      }
    }
  }

  private void onCommand(TaskCommand command) {
    String key = command.key().toString();
    long now = context.currentSystemTimeMs();
    Task before = writer.get(key);
    Transition transition = TaskTransitions.apply(before, command, now);
    if (transition.deleted()) {
      writer.store(key, before, null);
    } else if (transition.stored() != null) {
      // A new task with workers gets its HIT work before it is stored: one write, not two.
      Task stored = transition.stored();
      HitStep start =
          needsHit(stored)
              ? wiring.lifecycle().start(stored, workers.current(), now)
              : HitStep.unchanged(stored);
      writer.store(key, before, start.task());
      transition.views().forEach(view -> writer.view(key, view));
      start.commands().forEach(writer::call);
    }
    if (transition.rejection() != null) {
      writer.refuse(key, transition.rejection());
    }
  }

  private void onHitEvent(HitEvent event) {
    Task task = writer.get(event.taskKey());
    if (task == null || task.work() == null) {
      wiring.metrics().orphanEvent(event);
      if (event instanceof HitEvent.HitReviewable) {
        LOG.debugf("Reviewable HIT of a task that has none (deleted?): %s", event);
      } else {
        LOG.warnf("HIT event for a task that has none (deleted?): %s", event);
      }
      return;
    }
    long now = context.currentSystemTimeMs();
    apply(event.taskKey(), task, wiring.lifecycle().onEvent(task, event, workers.current(), now));
  }

  private void wake(long now) {
    for (DueIndex.Due due : this.due.takeDue(now, wiring.maxWakeupsPerTick())) {
      Task task = writer.get(due.taskKey());
      if (task != null && task.work() != null && task.work().wakeAt() == due.at()) {
        Task sleeping = task.withWork(task.work().withWakeAt(0)); // its entry is gone already
        apply(due.taskKey(), sleeping, wiring.lifecycle().onWake(sleeping, now));
      }
    }
  }

  private void apply(String key, Task before, HitStep step) {
    writer.update(key, before, step.task());
    for (HitCommand command : step.commands()) {
      writer.call(command);
    }
    if (!step.read().isEmpty()) {
      for (String worker : workers.read(key, step.read())) {
        LOG.infof("Excluding worker %s: their answers tell nothing", worker);
        writer.call(HitCommand.ExcludeWorker.of(worker));
      }
    }
  }

  private static boolean needsHit(Task task) {
    return task.work() == null
        && !task.state().isFinished()
        && TaskFunction.byName(task.function()).orElse(null) == TaskFunction.IMAGE_CONTAINS;
  }

  /**
   * Only this service writes the core's input topics, so an unreadable record is a bug or a stray
   * producer: log and count it, but never stop every other task's processing for it.
   */
  private <T> T read(Record<String, byte[]> record, Class<T> type) {
    try {
      T value =
          type == TaskCommand.class
              ? type.cast(CommandReader.read(record.value()))
              : TaskJson.read(record.value(), type);
      if (value instanceof TaskCommand command
          && (command.action() == null
              || command.function() == null
              || command.taskName() == null)) {
        throw new IllegalArgumentException("action, function and taskName are required");
      }
      if (value instanceof HitEvent event && event.taskKey() == null) {
        throw new IllegalArgumentException("taskKey is required");
      }
      return value;
    } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
      wiring.metrics().unreadableCommand();
      LOG.errorf(
          "Skipping unreadable %s at %s: %s",
          type.getSimpleName(),
          context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()),
          e.getMessage());
      return null;
    }
  }
}
