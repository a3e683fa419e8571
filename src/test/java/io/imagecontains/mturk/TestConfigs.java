package io.imagecontains.mturk;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** {@link MTurkConfig} as the application would read it: its defaults plus the given values. */
final class TestConfigs {
  private TestConfigs() {}

  static MTurkConfig mturk(Map<String, String> values) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(MTurkConfig.class)
            .withDefaultValues(values)
            .build();
    return config.getConfigMapping(MTurkConfig.class);
  }
}
