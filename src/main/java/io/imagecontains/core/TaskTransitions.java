package io.imagecontains.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagecontains.task.RefusalCode;
import io.imagecontains.task.Rejection;
import io.imagecontains.task.Task;
import io.imagecontains.task.TaskCommand;
import io.imagecontains.task.TaskCommand.Action;
import io.imagecontains.task.TaskFunction;
import io.imagecontains.task.TaskJson;
import java.util.List;

/**
 * The task state machine as a pure function: the current task (or null), a command and the time
 * give the {@link Transition}. The core is the single writer of each task, so every decision that
 * depends on the stored state — conflict, delete rules — is made here and only here.
 */
public final class TaskTransitions {

  private TaskTransitions() {}

  public static Transition apply(Task current, TaskCommand command, long now) {
    return command.action() == Action.PUT
        ? put(current, command, now)
        : delete(current, command, now);
  }

  private static Transition put(Task current, TaskCommand command, long now) {
    if (current == null) {
      return create(command, now);
    }
    if (current.input().equals(command.input())) {
      return Transition.unchanged(); // idempotent: a retried or re-read put changes nothing
    }
    return Transition.refuse(
        refusal(
            command,
            RefusalCode.CONFLICTING_INPUT,
            "task '"
                + command.taskName()
                + "' exists with a different input;"
                + " delete it once finished, or use another name",
            now));
  }

  private static Transition create(TaskCommand command, long now) {
    Task created = Task.created(command.key(), command.input(), command.commandId(), now);
    if (TaskFunction.byName(command.function()).orElseThrow() == TaskFunction.IMAGE_CONTAINS_TEST) {
      Task completed = created.completed(MockResult.of(command), now);
      return Transition.store(completed, List.of(created, completed));
    }
    return Transition.store(created, List.of(created));
  }

  private static Transition delete(Task current, TaskCommand command, long now) {
    if (current == null) {
      return Transition.refuse(
          refusal(
              command,
              RefusalCode.TASK_NOT_FOUND,
              "task '" + command.taskName() + "' does not exist",
              now));
    }
    if (!current.state().isFinished()) {
      return Transition.refuse(
          refusal(
              command,
              RefusalCode.TASK_STILL_PROCESSING,
              "task '"
                  + command.taskName()
                  + "' is still processing; delete it once it is"
                  + " completed or failed",
              now));
    }
    return Transition.delete();
  }

  private static Rejection refusal(
      TaskCommand command, RefusalCode code, String message, long now) {
    return new Rejection(
        code,
        message,
        null,
        command.function(),
        command.taskName(),
        asRequest(command),
        null,
        null,
        command.source(),
        now);
  }

  /** The refused command in the shape a producer sends it. */
  private static ObjectNode asRequest(TaskCommand command) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("function", command.function()).put("taskName", command.taskName());
    if (command.action() == Action.DELETE) {
      request.put("action", "delete");
    } else {
      request.set("input", TaskJson.MAPPER.valueToTree(command.input()));
    }
    return request;
  }
}
