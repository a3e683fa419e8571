package io.imagecontains.workforce;

import io.imagecontains.workforce.time.ScaledClock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The MTurk simulator inside the service, when {@code simulator.enabled=true}: started on the
 * service's Vert.x before anything calls MTurk, in simulated time ({@code simulator.time-scale}),
 * and the service's MTurk client is pointed at it (see {@link #endpoint()}). Off by default.
 */
@ApplicationScoped
public class InProcessWorkforce {

  private static final Logger LOG = Logger.getLogger(InProcessWorkforce.class);

  private final SimulatorSettings settings;
  private final Vertx vertx;
  private WorkforceServer server;

  public InProcessWorkforce(Config config, Vertx vertx) {
    this.settings = new SettingsReader(name -> config.getOptionalValue(name, String.class)).read();
    this.vertx = vertx;
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
