package io.imagecontains.core;

import java.util.Arrays;
import java.util.List;

/** A growable buffer for {@link TaskBinary}: fixed-width numbers, length-prefixed UTF-8 text. */
final class BinaryOut {

  private byte[] buffer = new byte[256];
  private int length;

  BinaryOut writeByte(int value) {
    ensure(1);
    buffer[length++] = (byte) value;
    return this;
  }

  BinaryOut writeBoolean(boolean value) {
    return writeByte(value ? 1 : 0);
  }

  BinaryOut writeInt(int value) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buffer[length++] = (byte) (value >>> shift);
    }
    return this;
  }

  BinaryOut writeLong(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[length++] = (byte) (value >>> shift);
    }
    return this;
  }

  BinaryOut writeDouble(double value) {
    return writeLong(Double.doubleToRawLongBits(value));
  }

  /**
   * Text as its encoded length plus one (0 for null), then each UTF-16 unit in 1–3 bytes as UTF-8
   * encodes it. Unlike standard UTF-8 this keeps lone surrogates, which a JSON request can carry
   * ({@code "\\ud800"}) and which the task's input must keep to stay the same input.
   */
  BinaryOut writeString(String value) {
    if (value == null) {
      return writeInt(0);
    }
    int n = value.length();
    ensure(4 + 3 * n);
    int start = length;
    length += 4;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        buffer[length++] = (byte) c;
      } else if (c < 0x800) {
        buffer[length++] = (byte) (0xC0 | (c >> 6));
        buffer[length++] = (byte) (0x80 | (c & 0x3F));
      } else {
        buffer[length++] = (byte) (0xE0 | (c >> 12));
        buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buffer[length++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    int end = length;
    length = start;
    writeInt(end - start - 4 + 1);
    length = end;
    return this;
  }

  BinaryOut writeStrings(List<String> values) {
    writeInt(values.size());
    values.forEach(this::writeString);
    return this;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, length);
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
