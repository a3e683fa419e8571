package io.imagecontains.task;

/**
 * What a user asks: the seed's {@code {"image": {"url": …}, "target": {"label": …}}}. Two puts of
 * one task name are "the same input" exactly when these records are equal.
 */
public record TaskInput(Image image, Target target) {

  public static TaskInput of(String url, String label) {
    return new TaskInput(new Image(url), new Target(label));
  }

  /** The image workers look at. */
  public record Image(String url) {}

  /** The kind of object workers are asked to find. */
  public record Target(String label) {}
}
