package io.imagecontains;

import java.util.Map;

/**
 * The service as a deployment runs it: access control on with two API keys, the MTurk simulator
 * inside the service (the service's own client on it), and Kafka security set through the standard
 * {@code kafka.*} properties. The test broker speaks plain text, so the protocol stays PLAINTEXT;
 * the SASL settings beside it are what a SASL deployment adds, and clients ignore them here.
 */
public class SecuredProfile implements io.quarkus.test.junit.QuarkusTestProfile {

  public static final String KEY = "first-test-key-0123456789abcdef";
  public static final String OTHER_KEY = "second-test-key-0123456789abcdef";
  public static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required"
          + " username=\"image-contains\" password=\"unused-in-tests\";";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "auth.enabled", "true",
        "auth.api-keys", KEY + "," + OTHER_KEY,
        "simulator.enabled", "true",
        "simulator.port", "0",
        // Not the standalone simulator other tests start: the one inside the service.
        "mturk.endpoint", "",
        "kafka.security.protocol", "PLAINTEXT",
        "kafka.sasl.mechanism", "SCRAM-SHA-512",
        "kafka.sasl.jaas.config", JAAS);
  }
}
