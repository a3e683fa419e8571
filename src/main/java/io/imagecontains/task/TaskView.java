package io.imagecontains.task;

import com.fasterxml.jackson.annotation.JsonInclude;
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

  /**
   * Extra facts about a task; not part of the seed's contract.
   *
   * @param answers answers received from workers (finished tasks with workers only)
   * @param confidence the adjudicator's confidence in the result (finished tasks with workers only)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Details(
      String function, Instant createdAt, Instant updatedAt, Integer answers, Double confidence) {}

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
            Instant.ofEpochMilli(task.updatedAt()),
            finishedWork(task) ? task.work().received() : null,
            finishedWork(task) ? task.work().confidence() : null));
  }

  /** Worker facts appear once the task is finished, so every view of a state is the same. */
  private static boolean finishedWork(Task task) {
    return task.work() != null && task.state().isFinished();
  }
}
