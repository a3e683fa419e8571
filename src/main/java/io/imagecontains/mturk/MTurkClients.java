package io.imagecontains.mturk;

import io.imagecontains.workforce.InProcessWorkforce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mturk.MTurkAsyncClient;
import software.amazon.awssdk.services.mturk.MTurkAsyncClientBuilder;

/**
 * Produces the gateway's MTurk client and pacer. The client is the AWS SDK's {@link
 * MTurkAsyncClient} on the Netty async HTTP client, with the default credential chain (environment
 * variables, profile, container or instance role: nothing is read or logged here) and the SDK's own
 * retries off, because {@link PacedCalls} retries at the pace the {@link CallPacer} sets.
 */
@ApplicationScoped
public class MTurkClients {

  private static final Logger LOG = Logger.getLogger(MTurkClients.class);

  /**
   * {@code mturk.endpoint} wins; else, with {@code simulator.enabled=true}, the in-process
   * simulator (with the credentials it verifies, see {@link InProcessWorkforce#accessKey()}; real
   * ones must never be sent to it); else MTurk itself.
   */
  @Produces
  @Singleton
  MTurkAsyncClient mturk(MTurkConfig config, InProcessWorkforce workforce) {
    Optional<URI> simulator =
        config.endpoint().isPresent() ? Optional.empty() : workforce.endpoint();
    URI endpoint = simulator.orElse(config.effectiveEndpoint());
    LOG.infof(
        "MTurk Requester API at %s (%s, %s)",
        endpoint,
        simulator.isPresent() ? "in-process simulator" : config.environment(),
        config.region());
    AwsCredentialsProvider credentials =
        simulator.isPresent()
            ? StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    workforce.accessKey().getKey(), workforce.accessKey().getValue()))
            : DefaultCredentialsProvider.builder().build();
    return builder(config, credentials).endpointOverride(endpoint).build();
  }

  void close(@Disposes MTurkAsyncClient client) {
    client.close();
  }

  @Produces
  @Singleton
  CallPacer pacer(MTurkConfig config, Clock clock, MTurkMetrics metrics) {
    CallPacer pacer =
        new CallPacer(
            clock,
            config.rateLimit(),
            config.backoff(),
            () -> ThreadLocalRandom.current().nextDouble());
    metrics.callRate(pacer::currentRate);
    return pacer;
  }

  @Produces
  @Singleton
  HitCalls hitCalls(
      MTurkAsyncClient client, MTurkConfig config, CallPacer pacer, MTurkMetrics metrics) {
    return HitCalls.create(client, config, pacer, metrics);
  }

  /** The client as configured; tests give it static credentials for the simulator. */
  public static MTurkAsyncClientBuilder builder(
      MTurkConfig config, AwsCredentialsProvider credentials) {
    return MTurkAsyncClient.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .overrideConfiguration(
            o ->
                o.retryStrategy(AwsRetryStrategy.doNotRetry())
                    .apiCallAttemptTimeout(config.callTimeout()))
        .endpointOverride(config.effectiveEndpoint());
  }
}
