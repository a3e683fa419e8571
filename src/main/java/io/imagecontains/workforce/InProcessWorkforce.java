package io.imagecontains.workforce;

import io.imagecontains.auth.AuthConfig;
import io.imagecontains.workforce.time.ScaledClock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The MTurk simulator inside the service, when {@code simulator.enabled=true}: started on the
 * service's Vert.x before anything calls MTurk, in simulated time ({@code simulator.time-scale}),
 * and the service's MTurk client is pointed at it (see {@link #endpoint()}). Off by default.
 *
 * <p>With access control on ({@code auth.enabled}), the simulator is protected like the service:
 * its inspection API takes the service's API keys (unless {@code simulator.api-keys} is set) and
 * its Requester API verifies signatures made with a secret drawn at start (unless {@code
 * simulator.credentials} is set), which the service's own client signs with ({@link #accessKey()}).
 */
@ApplicationScoped
public class InProcessWorkforce {

  private static final Logger LOG = Logger.getLogger(InProcessWorkforce.class);

  private final SimulatorSettings settings;
  private final Vertx vertx;
  private WorkforceServer server;

  public InProcessWorkforce(Config config, Vertx vertx, AuthConfig auth) {
    SimulatorSettings read =
        new SettingsReader(name -> config.getOptionalValue(name, String.class)).read();
    this.settings = protect(read, auth, InProcessWorkforce::randomSecret);
    this.vertx = vertx;
  }

  /** The settings as the service runs them: protected as the service is, see the class doc. */
  static SimulatorSettings protect(
      SimulatorSettings settings, AuthConfig auth, java.util.function.Supplier<String> secret) {
    if (!auth.enabled()) {
      return settings;
    }
    SimulatorSettings protectedSettings = settings;
    if (settings.apiKeys().isEmpty()) {
      protectedSettings = protectedSettings.withApiKeys(auth.apiKeys().orElse(List.of()));
    }
    if (settings.credentials().isEmpty()) {
      protectedSettings = protectedSettings.withCredentials(Map.of("simulator", secret.get()));
    }
    return protectedSettings;
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The access key id and secret the service's client signs its calls to this simulator with: one
   * it verifies, or placeholders when it verifies none. Never real AWS credentials.
   */
  public Map.Entry<String, String> accessKey() {
    return settings.credentials().entrySet().stream()
        .findFirst()
        .orElse(Map.entry("simulator", "simulator"));
  }

  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    if (settings.enabled()) {
      endpoint();
    }
  }

  /** Where the simulator listens, when it is enabled; starts it on first use. */
  public synchronized Optional<URI> endpoint() {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    if (server == null) {
      server = WorkforceServer.start(settings, ScaledClock.ofSystem(settings.timeScale()), vertx);
      LOG.infof(
          "MTurk simulator listening on %s (time scale %.0fx)",
          server.endpoint(), settings.timeScale());
    }
    return Optional.of(server.endpoint());
  }

  /** The running simulator, for inspection (tests, benchmarks). */
  public synchronized Optional<WorkforceServer> server() {
    return Optional.ofNullable(server);
  }

  synchronized void onStop(@Observes ShutdownEvent event) {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
