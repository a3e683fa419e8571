package io.imagecontains.core;

import io.imagecontains.task.TaskCommand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The random result of an {@code image-contains-test} task. Drawn from a hash of the task key and
 * the creating command, not from a random generator, so that a command processed twice (after a
 * crash, before its transaction committed) gets the same answer both times.
 */
final class MockResult {

  private MockResult() {}

  static boolean of(TaskCommand command) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest((command.key() + "#" + command.commandId()).getBytes(StandardCharsets.UTF_8));
      return (digest[0] & 1) == 1;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
