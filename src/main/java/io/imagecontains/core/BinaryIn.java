package io.imagecontains.core;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/** Reads what {@link BinaryOut} wrote; a record cut short is a {@link SerializationException}. */
final class BinaryIn {

  private final ByteBuffer buffer;

  BinaryIn(byte[] bytes) {
    this.buffer = ByteBuffer.wrap(bytes);
  }

  int readByte() {
    return need(1).get() & 0xFF;
  }

  boolean readBoolean() {
    return readByte() != 0;
  }

  int readInt() {
    return need(4).getInt();
  }

  long readLong() {
    return need(8).getLong();
  }

  double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  /** Reads what {@link BinaryOut#writeString} wrote. */
  String readString() {
    int length = readInt() - 1;
    if (length < 0) {
      return null;
    }
    if (length > buffer.remaining()) {
      throw new SerializationException("task record cut short in a text of " + length + " bytes");
    }
    byte[] bytes = buffer.array();
    int at = buffer.position();
    int end = at + length;
    char[] chars = new char[length];
    int n = 0;
    while (at < end) {
      int b = bytes[at++] & 0xFF;
      if (b < 0x80) {
        chars[n++] = (char) b;
      } else if (b >= 0xE0 && at + 1 < end) {
        chars[n++] =
            (char) (((b & 0x0F) << 12) | ((bytes[at] & 0x3F) << 6) | (bytes[at + 1] & 0x3F));
        at += 2;
      } else if (b >= 0xC0 && at < end) {
        chars[n++] = (char) (((b & 0x1F) << 6) | (bytes[at++] & 0x3F));
      } else {
        throw new SerializationException("task record holds a broken text at byte " + at);
      }
    }
    buffer.position(end);
    return new String(chars, 0, n);
  }

  List<String> readStrings() {
    int count = count();
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(readString());
    }
    return values;
  }

  /** A list's length, checked against what is left so a corrupt one cannot allocate gigabytes. */
  int count() {
    int count = readInt();
    if (count < 0 || count > buffer.remaining()) {
      throw new SerializationException("task record holds a list of " + count + " entries");
    }
    return count;
  }

  boolean atEnd() {
    return !buffer.hasRemaining();
  }

  private ByteBuffer need(int bytes) {
    if (buffer.remaining() < bytes) {
      throw new SerializationException("task record cut short at byte " + buffer.position());
    }
    return buffer;
  }
}
