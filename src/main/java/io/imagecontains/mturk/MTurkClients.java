package io.imagecontains.mturk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
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

  @Produces
  @Singleton
  MTurkAsyncClient mturk(MTurkConfig config) {
    LOG.infof(
        "MTurk Requester API at %s (%s, %s)",
        config.effectiveEndpoint(), config.environment(), config.region());
    return builder(config, DefaultCredentialsProvider.builder().build()).build();
  }

  void close(@Disposes MTurkAsyncClient client) {
    client.close();
  }

  @Produces
  @Singleton
  CallPacer pacer(MTurkConfig config, Clock clock) {
    return new CallPacer(
        clock,
        config.rateLimit(),
        config.backoff(),
        () -> ThreadLocalRandom.current().nextDouble());
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
