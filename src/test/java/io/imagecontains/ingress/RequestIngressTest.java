package io.imagecontains.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RequestIngressTest {

  @Test
  void producerKeysAreEchoedAsTextOrBase64AndCutShort() {
    assertThat(RequestIngress.keyText(null)).isNull();
    assertThat(RequestIngress.keyText("order-17".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("order-17");
    assertThat(RequestIngress.keyText(new byte[] {(byte) 0xff, 0x00})).isEqualTo("base64:/wA=");
    assertThat(RequestIngress.keyText("k".repeat(1_000_000).getBytes(StandardCharsets.UTF_8)))
        .hasSize(RequestIngress.MAX_KEY_ECHO_BYTES + 1)
        .endsWith("…");
  }

  @Test
  void aReReadRecordGetsTheSameCommandId() {
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("requests", 2, 41L, null, null);
    ConsumerRecord<byte[], byte[]> again = new ConsumerRecord<>("requests", 2, 41L, null, null);

    assertThat(RequestIngress.commandId(record))
        .isEqualTo(RequestIngress.commandId(again))
        .isEqualTo("requests-2@41");
  }
}
