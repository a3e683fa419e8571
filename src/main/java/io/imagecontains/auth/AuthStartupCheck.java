package io.imagecontains.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Refuses to start with access control on but no way in: a service that silently accepted everyone,
 * or no one, would be worse than one that does not start. Also refuses keys too short to be secret.
 * Says how many keys it accepts, never which.
 */
@ApplicationScoped
public class AuthStartupCheck {

  private static final Logger LOG = Logger.getLogger(AuthStartupCheck.class);

  /** First of all: before the topic provisioner, which may wait minutes for the broker. */
  void onStart(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent event,
      AuthConfig config) {
    check(config);
  }

  static void check(AuthConfig config) {
    if (!config.enabled()) {
      LOG.warnf(
          "Access control is off (%s=false): anyone who reaches the HTTP port can use the API",
          AuthConfig.ENABLED);
      return;
    }
    ApiKeys keys = ApiKeys.of(config.apiKeys().orElse(List.of()), AuthConfig.API_KEYS);
    if (keys.isEmpty()) {
      throw new IllegalStateException(
          AuthConfig.ENABLED
              + "=true but no API key is configured: set "
              + AuthConfig.API_KEYS
              + " (AUTH_API_KEYS, from a secret; replicas also call each other with it),"
              + " or set "
              + AuthConfig.ENABLED
              + "=false to run without access control");
    }
    LOG.infof("Access control is on: %s", keys);
  }
}
