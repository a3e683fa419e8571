package io.imagecontains.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * UniqueRequestTokens for MTurk calls that must happen at most once per task: derived from the task
 * key and the put that created the task (so a re-created task gets new HITs) and, for extensions,
 * the round. MTurk allows 64 characters; a task key can be longer, hence the hash.
 */
final class HitTokens {

  private HitTokens() {}

  static String create(String taskKey, String createdBy) {
    return "ic-" + hash(taskKey + "#" + createdBy);
  }

  static String extend(String taskKey, String createdBy, int round) {
    return "ic-" + hash(taskKey + "#" + createdBy + "#" + round);
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest); // 43 characters
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
