package io.imagecontains.mturk;

import io.imagecontains.workforce.SimulatorSettings;
import io.imagecontains.workforce.WorkforceServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * The MTurk simulator on a free port for {@code @QuarkusTest}s, with the service's MTurk client
 * pointed at it ({@code mturk.endpoint}). The client keeps the default AWS credential chain; the
 * simulator checks that calls are signed, not by whom, so dummy keys go in the system properties
 * that chain reads (unless real ones are already there).
 */
public class MTurkSimulatorResource implements QuarkusTestResourceLifecycleManager {

  private WorkforceServer server;

  @Override
  public Map<String, String> start() {
    System.getProperties().putIfAbsent("aws.accessKeyId", "AKIDSIMULATOR");
    System.getProperties().putIfAbsent("aws.secretAccessKey", "not-a-secret");
    // Workers who never err: a test can then expect exactly the ground truth. Adjudication
    // against unreliable crowds is the adjudicator's tests' and the quality benchmark's job.
    server =
        WorkforceServer.start(
            SimulatorSettings.defaults()
                .withPort(0)
                .withCrowdFile(Path.of("src/test/resources/simulator/reliable-crowd.json")));
    return Map.of("mturk.endpoint", server.endpoint().toString());
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
  }
}
