package io.imagecontains.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run on the build machines (no Docker engine), so this checks what would
 * break it silently: an environment variable the application does not read (a typo is ignored by
 * MicroProfile Config, and the setting quietly keeps its default), and ports that do not line up
 * between the broker's listeners, the service, the simulator and the image.
 */
class ComposeFileTest {

  private static final Path COMPOSE = Path.of("docker-compose.yml");
  private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");

  private final JsonNode services = YamlFiles.document(COMPOSE).path("services");

  @Test
  void everyVariableOfTheServiceAndTheSimulatorIsOneTheyRead() {
    List<String> unknown = new ArrayList<>();
    for (String service : List.of("image-contains", "simulator")) {
      AppConfigNames.unread(environment(service).keySet())
          .forEach(v -> unknown.add(service + ": " + v));
    }
    assertThat(unknown).as("variables no property of the application maps to").isEmpty();
  }

  @Test
  void theSimulatorIsStartedStandaloneAndReachableFromTheService() {
    Map<String, String> sim = environment("simulator");
    assertThat(services.path("simulator").path("entrypoint").toString())
        .contains("io.imagecontains.workforce.SimulatorMain");
    assertThat(sim).containsEntry("SIMULATOR_HOST", "0.0.0.0");
    String port = sim.get("SIMULATOR_PORT");
    assertThat(containerPorts("simulator")).contains(port);
    URI endpoint = URI.create(environment("image-contains").get("MTURK_ENDPOINT"));
    assertThat(endpoint.getHost()).isEqualTo("simulator");
    assertThat(String.valueOf(endpoint.getPort())).isEqualTo(port);
  }

  @Test
  void theServiceListensWhereItsPortIsPublishedAndTheImageExposes() throws Exception {
    Map<String, String> env = environment("image-contains");
    String httpPort = env.get("QUARKUS_HTTP_PORT");
    assertThat(containerPorts("image-contains")).containsExactly(httpPort);
    assertThat(exposedPorts()).contains(httpPort);
    assertThat(env.get("SERVICE_HOST"))
        .as("other instances reach this one by its compose name")
        .isEqualTo("image-contains");
  }

  @Test
  void theServiceConnectsToAListenerTheBrokerAdvertisesInsideTheNetwork() {
    Map<String, String> kafka = environment("kafka");
    Map<String, String> advertised = listeners(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
    Map<String, String> bound = listeners(kafka.get("KAFKA_LISTENERS"));
    for (String server : environment("image-contains").get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
      assertThat(advertised).containsValue(server);
      String listener = nameOf(advertised, server);
      assertThat(portOf(bound.get(listener))).isEqualTo(portOf(server));
    }
    // From the host (kcat), the published port must be a listener advertised as localhost.
    for (String published : containerPorts("kafka")) {
      assertThat(advertised.values()).contains("localhost:" + published);
    }
    String voter = kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS").replaceFirst("^\\d+@", "");
    assertThat(portOf(bound.get(kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES"))))
        .isEqualTo(portOf(voter));
    assertThat(kafka).containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1");
  }

  @Test
  void noSecretIsWrittenIntoTheFile() {
    assertThat(environment("image-contains").get("AUTH_API_KEYS"))
        .as("API keys come from the caller's environment")
        .startsWith("${AUTH_API_KEYS:?");
  }

  private Map<String, String> environment(String service) {
    JsonNode env = services.path(service).path("environment");
    assertThat(env.isObject()).as(service + " has an environment map").isTrue();
    return YamlFiles.texts(env);
  }

  /** The container side of each "host:container" port mapping. */
  private List<String> containerPorts(String service) {
    List<String> ports = new ArrayList<>();
    services
        .path(service)
        .path("ports")
        .forEach(p -> ports.add(p.asText().replaceFirst("^.*:", "")));
    return ports;
  }

  private static List<String> exposedPorts() throws Exception {
    return Files.readAllLines(DOCKERFILE).stream()
        .filter(line -> line.startsWith("EXPOSE "))
        .flatMap(line -> Arrays.stream(line.substring("EXPOSE ".length()).trim().split("\\s+")))
        .toList();
  }

  /** "NAME://host:port,..." as name -> "host:port". */
  private static Map<String, String> listeners(String value) {
    Map<String, String> byName = new java.util.LinkedHashMap<>();
    Matcher m = Pattern.compile("(\\w+)://([^,]*)").matcher(value);
    while (m.find()) {
      byName.put(m.group(1), m.group(2));
    }
    return byName;
  }

  private static String nameOf(Map<String, String> listeners, String address) {
    return listeners.entrySet().stream()
        .filter(e -> e.getValue().equals(address))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static String portOf(String hostPort) {
    return hostPort.substring(hostPort.lastIndexOf(':') + 1);
  }
}
