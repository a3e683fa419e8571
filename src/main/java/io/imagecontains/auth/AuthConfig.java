package io.imagecontains.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Access control of the REST API ({@code /functions/...}) and of the replicas' internal endpoint
 * ({@code /internal/tasks/...}). Health, metrics and the API docs stay open.
 */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

  /** The property names other tools rely on. */
  String ENABLED = "auth.enabled";

  String API_KEYS = "auth.api-keys";

  /**
   * Whether calls need a credential. On unless set false: the dev and test profiles turn it off,
   * the prod profile (and any deployment) keeps it on.
   */
  @WithDefault("true")
  boolean enabled();

  /**
   * Accepted API keys, comma-separated, sent as {@code Authorization: Bearer <key>}; from a secret
   * ({@code AUTH_API_KEYS}), never logged. Replicas call each other with the first one, so at least
   * one is required while access control is on.
   */
  Optional<List<String>> apiKeys();
}
