package io.imagecontains.task;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The contract's rules for the values of a request. Each check answers with the refusal a user
 * sees, or empty when the value is valid.
 */
public final class TaskRules {

  public static final int MAX_TASK_NAME_LENGTH = 64;
  public static final int MAX_URL_LENGTH = 400;

  /** Not in the seed: a HIT title has to stay readable, and a longer "label" is not a label. */
  public static final int MAX_LABEL_LENGTH = 256;

  private TaskRules() {}

  public static Optional<Refusal> checkTaskName(String name) {
    if (name == null || name.isEmpty()) {
      return refuse(RefusalCode.INVALID_TASK_NAME, "/taskName", "taskName must not be empty");
    }
    if (name.length() > MAX_TASK_NAME_LENGTH) {
      return refuse(
          RefusalCode.INVALID_TASK_NAME,
          "/taskName",
          "taskName is " + name.length() + " characters long; at most 64 are allowed");
    }
    if (!allMatch(name, TaskRules::isTaskNameChar)) {
      return refuse(
          RefusalCode.INVALID_TASK_NAME,
          "/taskName",
          "taskName may hold only letters, digits, '.', '-' and '_'");
    }
    if (name.equals(".") || name.equals("..")) {
      // They would be path segments with a meaning of their own in the REST API's URLs.
      return refuse(RefusalCode.INVALID_TASK_NAME, "/taskName", "taskName must not be '.' or '..'");
    }
    return Optional.empty();
  }

  public static Optional<Refusal> checkImageUrl(String url) {
    String field = "/input/image/url";
    if (url.isEmpty()) {
      return refuse(RefusalCode.INVALID_IMAGE_URL, field, "image url must not be empty");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return refuse(
          RefusalCode.INVALID_IMAGE_URL,
          field,
          "image url is " + url.length() + " characters long; at most 400 are allowed");
    }
    if (!allMatch(url, c -> c >= 0x21 && c <= 0x7E)) {
      return refuse(
          RefusalCode.INVALID_IMAGE_URL,
          field,
          "image url must not contain spaces, control or non-ASCII characters;"
              + " percent-encode them");
    }
    return PlainUrl.isPlain(url) ? Optional.empty() : checkUrlShape(url, field);
  }

  /** The full check, by java.net.URI: for every URL that is not {@link PlainUrl plain}. */
  static Optional<Refusal> checkUrlShape(String url, String field) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return refuse(
          RefusalCode.INVALID_IMAGE_URL, field, "image url is malformed: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      return refuse(
          RefusalCode.INVALID_IMAGE_URL, field, "image url must be an absolute http(s) URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return refuse(RefusalCode.INVALID_IMAGE_URL, field, "image url must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      // Workers' browsers would see the credentials.
      return refuse(RefusalCode.INVALID_IMAGE_URL, field, "image url must not hold credentials");
    }
    return Optional.empty();
  }

  public static Optional<Refusal> checkLabel(String label) {
    String field = "/input/target/label";
    if (label.isBlank()) {
      return refuse(RefusalCode.INVALID_LABEL, field, "label must not be blank");
    }
    if (label.length() > MAX_LABEL_LENGTH) {
      return refuse(
          RefusalCode.INVALID_LABEL,
          field,
          "label is " + label.length() + " characters long; at most 256 are allowed");
    }
    if (label.chars().anyMatch(Character::isISOControl)) {
      return refuse(RefusalCode.INVALID_LABEL, field, "label must not contain control characters");
    }
    return Optional.empty();
  }

  /** Letters, digits, '.', '-', '_' (ASCII only). */
  private static boolean isTaskNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '-'
        || c == '_';
  }

  /** A character loop, not a regex: these run for every request. */
  private static boolean allMatch(String text, CharPredicate allowed) {
    for (int i = 0; i < text.length(); i++) {
      if (!allowed.test(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private interface CharPredicate {
    boolean test(char c);
  }

  private static Optional<Refusal> refuse(RefusalCode code, String field, String message) {
    return Optional.of(new Refusal(code, field, message));
  }
}
