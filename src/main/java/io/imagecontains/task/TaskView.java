package io.imagecontains.task;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * The public view of a task: exactly the seed's shape, plus an optional {@code details} object that
 * clients may ignore. It is the value on the results topic and the body of REST GET.
 */
@JsonPropertyOrder({"taskName", "input", "problemDetails", "state", "result", "details"})
public record TaskView(
    String taskName,
    TaskInput input,
    Problem problemDetails,
    TaskState state,
    Result result,
    Details details) {

  /** The seed's result of a completed task. */
  public record Result(boolean containsTarget) {}

  /** Extra facts about a task; not part of the seed's contract. */
  public record Details(String function, Instant createdAt, Instant updatedAt) {}

  public static TaskView of(Task task) {
    Result result = task.state() == TaskState.COMPLETED ? new Result(task.containsTarget()) : null;
    return new TaskView(
        task.taskName(),
        task.input(),
        task.state() == TaskState.FAILED ? task.problem() : null,
        task.state(),
        result,
        new Details(
            task.function(),
            Instant.ofEpochMilli(task.createdAt()),
            Instant.ofEpochMilli(task.updatedAt())));
  }
}
