package io.imagecontains.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagecontains.task.Task;
import io.imagecontains.task.TaskInput;
import io.imagecontains.task.TaskKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Tasks entering each state are counted by function and state, as operators' dashboards read. */
class TaskMetricsTest {

  @Test
  void countsTasksEnteringEachStateByFunction() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TaskMetrics metrics = new TaskMetrics(registry);
    Task created =
        Task.created(
            new TaskKey("image-contains-test", "t"), TaskInput.of("https://x/a", "dog"), "c", 1);
    metrics.entered(created);
    metrics.entered(created.completed(true, 2));
    metrics.entered(created.completed(false, 3));

    assertThat(count(registry, "image-contains-test", "processing")).isEqualTo(1);
    assertThat(count(registry, "image-contains-test", "completed")).isEqualTo(2);
    assertThat(registry.find("image_contains_tasks").tag("state", "failed").counter()).isNull();
  }

  private static double count(SimpleMeterRegistry registry, String function, String state) {
    return registry
        .get("image_contains_tasks")
        .tag("function", function)
        .tag("state", state)
        .counter()
        .count();
  }
}
