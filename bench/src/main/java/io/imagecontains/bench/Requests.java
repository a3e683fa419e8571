package io.imagecontains.bench;

import java.nio.charset.StandardCharsets;

/** The shape of the service's requests and result keys, as its public Kafka contract gives them. */
final class Requests {

  static final String FUNCTION = "image-contains-test";
  static final String REQUESTS_TOPIC = "image-contains-requests";
  static final String RESULTS_TOPIC = "image-contains-results";
  static final String REJECTIONS_TOPIC = "image-contains-rejections";

  private Requests() {}

  /** Task {@code index} (0-based) of a run: {@code prefix} + 1-based zero-padded number. */
  static String taskName(String prefix, int index) {
    return prefix + String.format("%06d", index + 1);
  }

  /** The task number back from a name made by {@link #taskName}, or -1 if it is not one. */
  static int taskIndex(String prefix, String taskName) {
    if (!taskName.startsWith(prefix) || taskName.length() == prefix.length()) {
      return -1;
    }
    int number = 0;
    for (int i = prefix.length(); i < taskName.length(); i++) {
      char c = taskName.charAt(i);
      if (c < '0' || c > '9' || number > 100_000_000) {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number - 1;
  }

  /** A put request of the real size and shape; the image number follows the task number. */
  static byte[] putRequest(String taskName, int index) {
    String json =
        "{\"function\":\""
            + FUNCTION
            + "\",\"taskName\":\""
            + taskName
            + "\",\"input\":{\"image\":{\"url\":\"https://example.com/img/"
            + String.format("%06d", index + 1)
            + ".jpg\"},\"target\":{\"label\":\"dog\"}}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** The key of a task's views on the results topic. */
  static String resultKey(String taskName) {
    return FUNCTION + "/" + taskName;
  }
}
