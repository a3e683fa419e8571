package io.imagecontains.task;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal JSON writer straight into UTF-8 bytes, for the records written for every task. It
 * escapes exactly as Jackson's UTF-8 generator does with default settings (control characters,
 * {@code "} and {@code \}, surrogates as {@code \\uXXXX}), so its output is byte-identical to
 * databind's ({@code HotJsonTest} checks this on random text). Jackson's generator cost more in
 * setup (buffer recyclers, contexts) than in writing these ~300-byte records.
 *
 * <p>The caller writes structure with {@link #raw}: field names and punctuation are constants.
 */
final class JsonBytes {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private byte[] buffer;
  private int length;

  JsonBytes(int capacity) {
    buffer = new byte[capacity];
  }

  /** ASCII text written as it is: field names, punctuation, numbers. */
  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  JsonBytes raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
    return this;
  }

  JsonBytes nullValue() {
    return raw(NULL);
  }

  JsonBytes number(long value) {
    return raw(ascii(Long.toString(value)));
  }

  /** As Jackson writes a double: its shortest text, or a quoted NaN/Infinity. */
  JsonBytes number(double value) {
    String text = Double.toString(value);
    return Double.isFinite(value) ? raw(ascii(text)) : string(text);
  }

  /** A string value (null: JSON null). */
  JsonBytes string(String value) {
    if (value == null) {
      return nullValue();
    }
    int n = value.length();
    ensure(n * 6 + 2); // the worst case: every character escaped as \\uXXXX
    buffer[length++] = '"';
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buffer[length++] = (byte) c;
      } else {
        special(c);
      }
    }
    buffer[length++] = '"';
    return this;
  }

  private void special(char c) {
    if (c == '"' || c == '\\') {
      buffer[length++] = '\\';
      buffer[length++] = (byte) c;
    } else if (c < 0x20) {
      control(c);
    } else if (c < 0x800) {
      buffer[length++] = (byte) (0xC0 | (c >> 6));
      buffer[length++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isSurrogate(c)) {
      unicodeEscape(c);
    } else {
      buffer[length++] = (byte) (0xE0 | (c >> 12));
      buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      buffer[length++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  private void control(char c) {
    byte shortForm =
        switch (c) {
          case '\b' -> 'b';
          case '\t' -> 't';
          case '\n' -> 'n';
          case '\f' -> 'f';
          case '\r' -> 'r';
          default -> 0;
        };
    if (shortForm != 0) {
      buffer[length++] = '\\';
      buffer[length++] = shortForm;
    } else {
      unicodeEscape(c);
    }
  }

  private void unicodeEscape(char c) {
    buffer[length++] = '\\';
    buffer[length++] = 'u';
    buffer[length++] = HEX[(c >> 12) & 0xF];
    buffer[length++] = HEX[(c >> 8) & 0xF];
    buffer[length++] = HEX[(c >> 4) & 0xF];
    buffer[length++] = HEX[c & 0xF];
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
