package io.imagecontains.task;

import java.util.Optional;

/** The functions this service implements, by their public names. */
public enum TaskFunction {
  /** Real workers on MTurk (or the workforce simulator). */
  IMAGE_CONTAINS("image-contains"),
  /** No workers: completes at once with a mock result and creates no HIT. */
  IMAGE_CONTAINS_TEST("image-contains-test");

  private final String publicName;

  TaskFunction(String publicName) {
    this.publicName = publicName;
  }

  public String publicName() {
    return publicName;
  }

  private static final TaskFunction[] ALL = values();

  /** A loop over a cached array: this runs for every request and every stored task. */
  public static Optional<TaskFunction> byName(String name) {
    for (TaskFunction function : ALL) {
      if (function.publicName.equals(name)) {
        return Optional.of(function);
      }
    }
    return Optional.empty();
  }
}
