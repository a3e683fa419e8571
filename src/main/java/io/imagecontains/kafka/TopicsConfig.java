package io.imagecontains.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The topics this service reads and writes. The names' defaults live in application.properties,
 * beside the channel mappings that use them, so they are written down once.
 */
@ConfigMapping(prefix = "topics")
public interface TopicsConfig {

  /** Public input: put and delete requests from producers. */
  String requests();

  /** Internal: validated commands, keyed {@code function/taskName}; the core's only input. */
  String commands();

  /** Public output, compacted: the task view on every state change, a tombstone on delete. */
  String results();

  /** Public output: every refused request with a code and a message. */
  String rejections();

  /** Internal: the core's commands to the MTurk gateway, keyed {@code function/taskName}. */
  String hitCommands();

  /** Internal: the MTurk gateway's events back to the core, keyed {@code function/taskName}. */
  String hitEvents();

  /**
   * Partitions of the topics this service creates. The task-commands partition count bounds how
   * many instances can share the core's work.
   */
  @WithDefault("3")
  int partitions();

  /** Replication factor of created topics; the broker's default when unset. */
  Optional<Short> replicationFactor();

  /** Create missing topics at start; turn off where topics are managed elsewhere. */
  @WithDefault("true")
  boolean create();
}
