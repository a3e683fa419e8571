package io.imagecontains.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, with the same {@code code} (and {@code field}) as a rejection on
 * the Kafka interface would carry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String code, String field) {

  public static final String MEDIA_TYPE = "application/problem+json";

  static Problem of(ProblemException e) {
    return new Problem(
        "urn:image-contains:problem:" + e.code(),
        e.code(),
        e.status(),
        e.getMessage(),
        e.code(),
        e.field());
  }
}
