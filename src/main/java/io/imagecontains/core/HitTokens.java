package io.imagecontains.core;

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
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(text)); // 43 chars
  }
}
