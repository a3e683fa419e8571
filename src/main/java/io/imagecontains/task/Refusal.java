package io.imagecontains.task;

/**
 * Why a request was refused.
 *
 * @param field JSON pointer to the offending field (e.g. {@code /input/image/url}), or null when
 *     the refusal is about the whole record
 */
public record Refusal(RefusalCode code, String field, String message) {

  public static Refusal of(RefusalCode code, String message) {
    return new Refusal(code, null, message);
  }
}
