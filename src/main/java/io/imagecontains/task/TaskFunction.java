package io.imagecontains.task;

import java.util.Arrays;
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

  public static Optional<TaskFunction> byName(String name) {
    return Arrays.stream(values()).filter(f -> f.publicName.equals(name)).findFirst();
  }
}
