package io.imagecontains.workforce;

import io.imagecontains.auth.ApiKeys;
import io.imagecontains.workforce.crowd.CrowdFile;
import io.imagecontains.workforce.crowd.CrowdSpec;
import io.imagecontains.workforce.crowd.GroundTruth;
import io.imagecontains.workforce.crowd.SimulatedCrowd;
import io.imagecontains.workforce.hits.HitRegistry;
import io.imagecontains.workforce.hits.WorkerSource;
import io.imagecontains.workforce.inspect.Inspection;
import io.imagecontains.workforce.inspect.InspectionApi;
import io.imagecontains.workforce.protocol.CallStats;
import io.imagecontains.workforce.protocol.FaultInjector;
import io.imagecontains.workforce.protocol.RequesterApi;
import io.imagecontains.workforce.time.ScaledClock;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The workforce endpoint: an HTTP server speaking the MTurk Requester API ({@code POST /}) and the
 * inspection API ({@code GET /_sim/...}) over a {@link HitRegistry} whose assignments are answered
 * by pluggable {@link WorkerSource}s, the simulated crowd first. One Vert.x HTTP server, one event
 * loop; the registry is the single lock (see {@code HitBook}).
 *
 * <p>Never exposed without protection: it listens on loopback unless told otherwise, and refuses to
 * listen anywhere else unless the Requester API verifies signatures ({@code simulator.credentials})
 * and the inspection API requires a key ({@code simulator.api-keys}).
 */
public final class WorkforceServer implements AutoCloseable {
  private final Vertx vertx;
  private final boolean ownsVertx;
  private final HttpServer server;
  private final HitRegistry registry;
  private final SimulatedCrowd crowd;
  private final FaultInjector faults;
  private final Inspection inspection;
  private final String host;

  private WorkforceServer(SimulatorSettings settings, Clock clock, Vertx vertx, boolean owns) {
    refuseUnprotectedExposure(settings);
    ApiKeys inspectionKeys = ApiKeys.of(settings.apiKeys(), SimulatorSettings.API_KEYS);
    this.vertx = vertx;
    this.ownsVertx = owns;
    this.host = settings.host();
    this.registry = new HitRegistry(clock, settings.seed(), settings.startingBalance());
    this.crowd = crowdFor(settings);
    this.registry.addWorkerSource(crowd);
    this.faults = new FaultInjector(settings.faults(), settings.seed() + 2);
    CallStats stats = new CallStats();
    this.inspection = new Inspection(registry, stats, crowd);
    RequesterApi requesterApi =
        new RequesterApi(vertx, registry, faults, stats, settings.credentials());
    InspectionApi inspectionApi = new InspectionApi(inspection);
    HttpServerOptions options =
        new HttpServerOptions().setHost(settings.host()).setPort(settings.port());
    this.server =
        vertx
            .createHttpServer(options)
            .requestHandler(r -> route(r, requesterApi, inspectionApi, inspectionKeys));
  }

  private static void refuseUnprotectedExposure(SimulatorSettings s) {
    if (!isLoopback(s.host()) && (s.credentials().isEmpty() || s.apiKeys().isEmpty())) {
      throw new IllegalArgumentException(
          "the MTurk simulator would listen on "
              + s.host()
              + ", beyond this machine, without protection: set "
              + SimulatorSettings.CREDENTIALS
              + " (id:secret; Requester API calls must be signed with it) and "
              + SimulatorSettings.API_KEYS
              + " (the /_sim/ API then requires Authorization: Bearer <key>), or listen on"
              + " 127.0.0.1");
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Starts on its own Vert.x, in simulated time scaled from the system clock. */
  public static WorkforceServer start(SimulatorSettings settings) {
    return start(settings, ScaledClock.ofSystem(settings.timeScale()));
  }

  /** Starts on its own Vert.x with the given simulated clock (tests pass a manual one). */
  public static WorkforceServer start(SimulatorSettings settings, Clock clock) {
    Vertx own = Vertx.vertx();
    try {
      return listen(new WorkforceServer(settings, clock, own, true));
    } catch (RuntimeException e) {
      own.close(); // a bad crowd or truth file must not leave Vert.x threads keeping the JVM up
      throw e;
    }
  }

  /**
   * Starts on an existing Vert.x (the service's), which {@link #close} leaves running. Blocks until
   * the port is bound: call it from a worker or main thread, never from an event loop.
   */
  public static WorkforceServer start(SimulatorSettings settings, Clock clock, Vertx vertx) {
    return listen(new WorkforceServer(settings, clock, vertx, false));
  }

  private static WorkforceServer listen(WorkforceServer ws) {
    try {
      ws.server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return ws;
    } catch (Exception e) {
      ws.close();
      throw new IllegalStateException("MTurk simulator could not listen: " + e.getMessage(), e);
    }
  }

  private static SimulatedCrowd crowdFor(SimulatorSettings s) {
    GroundTruth truth =
        s.truthFile()
            .map(p -> GroundTruth.load(p, s.positiveRate()))
            .orElseGet(() -> GroundTruth.hashed(s.positiveRate()));
    CrowdSpec spec = s.crowdFile().map(CrowdFile::load).orElseGet(CrowdFile::loadDefault);
    return new SimulatedCrowd(spec, truth, s.poison(), s.seed() + 1);
  }

  private static void route(
      HttpServerRequest r, RequesterApi api, InspectionApi inspect, ApiKeys inspectionKeys) {
    if (r.path().startsWith(InspectionApi.PREFIX)) {
      if (inspectionKeys.isEmpty() || bearerAccepted(r, inspectionKeys)) {
        inspect.handle(r);
      } else {
        r.response()
            .setStatusCode(401)
            .putHeader("WWW-Authenticate", "Bearer")
            .putHeader("Content-Type", "application/json")
            .end("{\"error\":\"the inspection API needs Authorization: Bearer <key>\"}");
      }
    } else if (r.method() == HttpMethod.POST && "/".equals(r.path())) {
      api.handle(r);
    } else {
      r.response().setStatusCode(404).end();
    }
  }

  private static boolean bearerAccepted(HttpServerRequest r, ApiKeys keys) {
    return ApiKeys.bearer(r.getHeader("Authorization")).map(keys::accepts).orElse(false);
  }

  public int port() {
    return server.actualPort();
  }

  /** The URL to give the SDK as {@code endpointOverride}. */
  public URI endpoint() {
    boolean wildcard = host.equals("0.0.0.0") || host.equals("::");
    return URI.create("http://" + (wildcard ? "127.0.0.1" : host) + ":" + port());
  }

  public HitRegistry registry() {
    return registry;
  }

  public SimulatedCrowd crowd() {
    return crowd;
  }

  public FaultInjector faults() {
    return faults;
  }

  public Inspection inspection() {
    return inspection;
  }

  /** Plugs in another source of workers (e.g. a page for people), next to the simulated crowd. */
  public void addWorkerSource(WorkerSource source) {
    registry.addWorkerSource(source);
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway; nothing to recover
    } finally {
      if (ownsVertx) {
        vertx.close();
      }
    }
  }
}
