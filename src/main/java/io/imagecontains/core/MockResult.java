package io.imagecontains.core;

import io.imagecontains.task.TaskCommand;

/**
 * The random result of an {@code image-contains-test} task. Drawn from a hash of the task key and
 * the creating command, not from a random generator, so that a command processed twice (after a
 * crash, before its transaction committed) gets the same answer both times.
 */
final class MockResult {

  private MockResult() {}

  static boolean of(TaskCommand command) {
    return (Sha256.of(command.key() + "#" + command.commandId())[0] & 1) == 1;
  }
}
