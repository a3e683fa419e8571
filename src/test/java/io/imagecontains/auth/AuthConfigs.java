package io.imagecontains.auth;

import java.util.List;
import java.util.Optional;

/** {@link AuthConfig}s for unit tests, without a Quarkus config behind them. */
public final class AuthConfigs {

  private AuthConfigs() {}

  public static AuthConfig of(boolean enabled, Optional<List<String>> keys) {
    return new AuthConfig() {
      @Override
      public boolean enabled() {
        return enabled;
      }

      @Override
      public Optional<List<String>> apiKeys() {
        return keys;
      }
    };
  }
}
