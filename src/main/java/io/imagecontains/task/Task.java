package io.imagecontains.task;

/**
 * A task as the core keeps it in the {@code tasks} store. The public view is derived from it
 * ({@link TaskView}); the fields past the view's are bookkeeping that clients never see.
 *
 * @param createdBy the command id of the put that created the task, so the REST API can tell
 *     "created by this request" (201) from "already there" (200)
 * @param containsTarget the result once {@code state} is completed, else null
 * @param problem the failure once {@code state} is failed, else null
 * @param work the HIT's progress, for tasks that have workers; null otherwise
 */
public record Task(
    String function,
    String taskName,
    TaskInput input,
    TaskState state,
    Boolean containsTarget,
    Problem problem,
    String createdBy,
    long createdAt,
    long updatedAt,
    HitWork work) {

  public TaskKey key() {
    return new TaskKey(function, taskName);
  }

  public static Task created(TaskKey key, TaskInput input, String commandId, long now) {
    return new Task(
        key.function(),
        key.taskName(),
        input,
        TaskState.PROCESSING,
        null,
        null,
        commandId,
        now,
        now,
        null);
  }

  public Task completed(boolean result, long now) {
    return new Task(
        function,
        taskName,
        input,
        TaskState.COMPLETED,
        result,
        null,
        createdBy,
        createdAt,
        now,
        work);
  }

  public Task failed(Problem failure, long now) {
    return new Task(
        function,
        taskName,
        input,
        TaskState.FAILED,
        null,
        failure,
        createdBy,
        createdAt,
        now,
        work);
  }

  /** The same task with other HIT progress; not a change of the public view by itself. */
  public Task withWork(HitWork next) {
    return new Task(
        function,
        taskName,
        input,
        state,
        containsTarget,
        problem,
        createdBy,
        createdAt,
        updatedAt,
        next);
  }
}
