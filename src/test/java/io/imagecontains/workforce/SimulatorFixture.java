package io.imagecontains.workforce;

import io.imagecontains.workforce.time.ManualClock;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mturk.MTurkAsyncClient;
import software.amazon.awssdk.services.mturk.model.CreateHitRequest;
import software.amazon.awssdk.services.mturk.model.HIT;

/**
 * A simulator on a free port driven by a manual clock, and the real SDK client pointed at it the
 * way the gateway will be: endpoint override, us-east-1, static dummy credentials, Netty.
 */
final class SimulatorFixture implements AutoCloseable {
  static final Instant START = Instant.parse("2026-11-27T08:00:00Z");

  /** Shared by every fixture: the client does not close a group it was given (saves ~2 s each). */
  private static final SdkEventLoopGroup NETTY =
      SdkEventLoopGroup.builder().numberOfThreads(2).build();

  final ManualClock clock = new ManualClock(START);
  final WorkforceServer server;
  final MTurkAsyncClient mturk;

  SimulatorFixture(SimulatorSettings settings) {
    this.server = WorkforceServer.start(settings.withPort(0), clock);
    this.mturk =
        MTurkAsyncClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDSIMULATOR", "not-a-secret")))
            .httpClientBuilder(NettyNioAsyncHttpClient.builder().eventLoopGroup(NETTY))
            .build();
  }

  /** The given crowd (a test resource) and the test truth file. */
  static SimulatorFixture withCrowd(String crowdResource) {
    return new SimulatorFixture(
        SimulatorSettings.defaults()
            .withCrowdFile(resource("simulator/" + crowdResource))
            .withTruthFile(resource("simulator/test-truth.csv")));
  }

  static Path resource(String name) {
    try {
      return Path.of(SimulatorFixture.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  void advance(Duration simulated) {
    clock.advance(simulated);
  }

  /** Waits for an SDK call; the simulator answers in milliseconds, SDK retries in seconds. */
  static <T> T await(CompletableFuture<T> call) {
    try {
      return call.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The HTMLQuestion the service sends: the image, the label in id="label", a yes/no form. */
  static String question(String url, String label) {
    String html =
        "<!DOCTYPE html><html><body><form name=\"mturk_form\" method=\"post\""
            + " action=\"https://www.mturk.com/mturk/externalSubmit\">"
            + "<input type=\"hidden\" name=\"assignmentId\" value=\"\">"
            + "<img id=\"image\" src=\""
            + url.replace("&", "&amp;")
            + "\" alt=\"image\">"
            + "<p>Does this image contain: <b id=\"label\">"
            + label.replace("<", "&lt;")
            + "</b>?</p>"
            + "<label><input type=\"radio\" name=\"answer\" value=\"yes\"> Yes</label>"
            + "<label><input type=\"radio\" name=\"answer\" value=\"no\"> No</label>"
            + "<input type=\"submit\"></form></body></html>";
    return "<HTMLQuestion xmlns=\"http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas"
        + "/2011-11-11/HTMLQuestion.xsd\"><HTMLContent><![CDATA["
        + html
        + "]]></HTMLContent><FrameHeight>600</FrameHeight></HTMLQuestion>";
  }

  /** A CreateHIT as the gateway will send it, for the given image and label. */
  static CreateHitRequest.Builder hitFor(String url, String label, int assignments) {
    return CreateHitRequest.builder()
        .title("Does this image contain a " + label + "?")
        .description("Look at one image and answer yes or no.")
        .keywords("image, classification, yes/no")
        .reward("0.05")
        .maxAssignments(assignments)
        .lifetimeInSeconds(Duration.ofHours(6).toSeconds())
        .assignmentDurationInSeconds(Duration.ofMinutes(10).toSeconds())
        .autoApprovalDelayInSeconds(Duration.ofDays(3).toSeconds())
        .question(question(url, label))
        .requesterAnnotation("image-contains/" + label + "-task");
  }

  HIT create(CreateHitRequest.Builder request) {
    return await(mturk.createHIT(request.build())).hit();
  }

  List<String> answersOf(String hitId) {
    return await(mturk.listAssignmentsForHIT(b -> b.hitId(hitId).maxResults(100)))
        .assignments()
        .stream()
        .map(a -> a.answer().replaceAll("(?s).*<FreeText>(.*)</FreeText>.*", "$1"))
        .toList();
  }

  @Override
  public void close() {
    mturk.close();
    server.close();
  }
}
