package io.imagecontains.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the REST API. */
@ConfigMapping(prefix = "api")
public interface ApiConfig {

  /**
   * How long a PUT or DELETE waits for the core to apply it before answering 504; the command is on
   * Kafka by then and will still be applied, and both calls are safe to retry.
   */
  @WithDefault("10s")
  Duration writeTimeout();
}
