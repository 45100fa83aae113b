package dev.lamina.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights entry, safetensors-style: an 8-byte little-endian header length, a JSON header
 * listing each tensor's name, dtype ("F32"), shape and [begin, end) byte offsets into the data,
 * then the data as little-endian float32, tensors back to back in header order.
 */
final class WeightsCodec {
  static final int MAX_HEADER_BYTES = 16 << 20;

  private WeightsCodec() {}

  static byte[] encode(List<NamedArray> weights) {
    List<Object> entries = new ArrayList<>();
    long offset = 0;
    for (NamedArray w : weights) {
      long end = offset + 4L * w.values().length;
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", w.name());
      entry.put("dtype", "F32");
      entry.put("shape", w.shape());
      entry.put("offsets", new long[] {offset, end});
      entries.add(entry);
      offset = end;
    }
    byte[] header = Json.write(Map.of("tensors", entries)).getBytes(StandardCharsets.UTF_8);
    if (8L + header.length + offset > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "model weights exceed 2 GiB, which model files do not support");
    }
    ByteBuffer out =
        ByteBuffer.allocate((int) (8 + header.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(header.length).put(header);
    for (NamedArray w : weights) {
      out.asFloatBuffer().put(w.values());
      out.position(out.position() + 4 * w.values().length);
    }
    return out.array();
  }

  /** Decodes, checking every size and offset against the bytes actually present. */
  static List<NamedArray> decode(byte[] bytes, String where) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 8) {
      throw new IllegalArgumentException(where + ": shorter than its 8-byte header length");
    }
    long headerLength = in.getLong();
    if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > bytes.length - 8) {
      throw new IllegalArgumentException(
          where
              + ": header length "
              + headerLength
              + " is outside [2, "
              + Math.min(MAX_HEADER_BYTES, bytes.length - 8)
              + "]");
    }
    String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
    Object tensors = Json.parseObject(header).get("tensors");
    if (!(tensors instanceof List<?> list)) {
      throw new IllegalArgumentException(where + ": header has no \"tensors\" list");
    }
    int dataStart = 8 + (int) headerLength;
    long dataLength = (long) bytes.length - dataStart;
    List<NamedArray> weights = new ArrayList<>(list.size());
    long expectedBegin = 0;
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> entry)) {
        throw new IllegalArgumentException(where + ": a tensor entry is not an object");
      }
      String name = String.valueOf(entry.get("name"));
      if (!"F32".equals(entry.get("dtype"))) {
        throw new IllegalArgumentException(
            where + ": tensor '" + name + "' has dtype " + entry.get("dtype") + ", expected F32");
      }
      int[] shape = shape(entry.get("shape"), where, name);
      long count = 1;
      for (int d : shape) {
        count *= d;
      }
      long[] offsets = offsets(entry.get("offsets"), where, name);
      if (offsets[0] != expectedBegin
          || offsets[1] - offsets[0] != 4 * count
          || offsets[1] > dataLength) {
        throw new IllegalArgumentException(
            where
                + ": tensor '"
                + name
                + "' offsets ["
                + offsets[0]
                + ", "
                + offsets[1]
                + ") do not fit its shape or the "
                + dataLength
                + " data bytes");
      }
      float[] values = new float[(int) count];
      in.position(dataStart + (int) offsets[0]);
      in.asFloatBuffer().get(values);
      weights.add(new NamedArray(name, shape, values));
      expectedBegin = offsets[1];
    }
    if (expectedBegin != dataLength) {
      throw new IllegalArgumentException(
          where
              + ": "
              + (dataLength - expectedBegin)
              + " data bytes are not claimed by any tensor");
    }
    return weights;
  }

  private static int[] shape(Object value, String where, String name) {
    if (!(value instanceof List<?> dims) || dims.size() > 8) {
      throw new IllegalArgumentException(where + ": tensor '" + name + "' has a bad shape");
    }
    int[] shape = new int[dims.size()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      if (!(dims.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            where + ": tensor '" + name + "' has a bad dimension " + dims.get(i));
      }
      shape[i] = (int) (long) d;
      count *= d;
      if (count > Integer.MAX_VALUE / 4) {
        throw new IllegalArgumentException(where + ": tensor '" + name + "' is too large");
      }
    }
    return shape;
  }

  private static long[] offsets(Object value, String where, String name) {
    if (!(value instanceof List<?> pair)
        || pair.size() != 2
        || !(pair.get(0) instanceof Long begin)
        || !(pair.get(1) instanceof Long end)
        || begin < 0
        || end < begin) {
      throw new IllegalArgumentException(where + ": tensor '" + name + "' has bad offsets");
    }
    return new long[] {begin, end};
  }
}
