package io.imagecontains.task;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a request came from, echoed in rejections so producers can find the record they sent.
 *
 * @param via {@code kafka} or {@code rest}
 * @param key the Kafka record key as text (Base64 when it is not UTF-8), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String via, String topic, Integer partition, Long offset, String key) {

  public static final String KAFKA = "kafka";
  public static final String REST = "rest";

  public static Source rest() {
    return new Source(REST, null, null, null, null);
  }
}
