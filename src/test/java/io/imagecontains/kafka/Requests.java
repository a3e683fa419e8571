package io.imagecontains.kafka;

/** Request records as producers write them to the requests topic, for tests. */
public final class Requests {

  private Requests() {}

  /** A put of task {@code taskName} of {@code function}: the image at {@code url}, the label. */
  public static String put(String function, String taskName, String url, String label) {
    return "{\"function\":\""
        + function
        + "\",\"taskName\":\""
        + taskName
        + "\",\"input\":{\"image\":{\"url\":\""
        + url
        + "\"},\"target\":{\"label\":\""
        + label
        + "\"}}}";
  }
}
