package io.imagecontains.ingress;

import io.imagecontains.task.TaskFunction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Settings of request intake, over Kafka and REST alike. */
@ConfigMapping(prefix = "ingress")
public interface IngressConfig {

  /**
   * Larger request values are refused with {@code RecordTooLarge}; a valid request is a few hundred
   * bytes, so this only bounds the memory a hostile producer can make us spend.
   */
  @WithDefault("65536")
  int maxRecordBytes();

  /**
   * Functions this deployment accepts; others are refused with {@code FunctionUnavailable}. A
   * deployment without MTurk credentials or a simulator can drop {@code image-contains}, and
   * production can drop {@code image-contains-test}.
   */
  @WithDefault("image-contains,image-contains-test")
  Set<String> functions();

  default boolean enabled(TaskFunction function) {
    return functions().contains(function.publicName());
  }
}
