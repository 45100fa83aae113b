package dev.lamina;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward values of every operation against NumPy, read from the committed fixture that
 * tools/fixtures/make_tensor_fixtures.py writes.
 */
class TensorFixtureTest {

  @SuppressWarnings("unchecked")
  static Stream<Arguments> cases() throws IOException {
    try (InputStream in =
        TensorFixtureTest.class.getResourceAsStream("/fixtures/tensor_ops.json")) {
      Map<String, Object> root =
          (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return ((List<Object>) root.get("cases"))
          .stream().map(c -> (Map<String, Object>) c).map(c -> Arguments.of(c.get("name"), c));
    }
  }

  @Test
  void fixtureCoversEveryOperation() throws IOException {
    List<Object> ops =
        cases()
            .map(a -> ((Map<?, ?>) a.get()[1]).get("op"))
            .distinct()
            .map(Object.class::cast)
            .toList();
    assertEquals(OPERATIONS.size(), ops.size(), "ops in the fixture: " + ops);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void matchesNumPy(String name, Map<String, Object> fixture) {
    DType dtype = DType.valueOf(((String) fixture.get("dtype")).toUpperCase(java.util.Locale.ROOT));
    List<Tensor> inputs = new ArrayList<>();
    for (Object input : (List<Object>) fixture.get("inputs")) {
      inputs.add(tensor((Map<String, Object>) input, dtype));
    }
    Tensor expected = tensor((Map<String, Object>) fixture.get("expected"), DType.FLOAT64);
    Operation op = OPERATIONS.get((String) fixture.get("op"));
    if (op == null) {
      fail("no operation named " + fixture.get("op"));
    }
    Tensor actual = op.apply(inputs, new Args((Map<String, Object>) fixture.get("args")));

    assertEquals(dtype, actual.dtype(), name);
    assertArrayEquals(expected.shape(), actual.shape(), name + ": shape");
    double tolerance = (Double) fixture.get("tolerance");
    double[] want = expected.toDoubleArray();
    double[] got = actual.toDoubleArray();
    for (int i = 0; i < want.length; i++) {
      assertTrue(Double.isFinite(got[i]), name + ": element " + i + " is " + got[i]);
      double allowed = tolerance * Math.max(1, Math.abs(want[i]));
      assertEquals(want[i], got[i], allowed, name + ": element " + i);
    }
  }

  private static Tensor tensor(Map<String, Object> json, DType dtype) {
    List<?> shapeList = (List<?>) json.get("shape");
    int[] shape = shapeList.stream().mapToInt(v -> ((Double) v).intValue()).toArray();
    double[] data = ((List<?>) json.get("data")).stream().mapToDouble(v -> (Double) v).toArray();
    return Tensor.ofDouble(data, shape).to(dtype).detach();
  }

  /** The arguments of a fixture case. */
  private record Args(Map<String, Object> values) {
    int integer(String key) {
      return ((Double) values.get(key)).intValue();
    }

    double number(String key) {
      return (Double) values.get(key);
    }

    boolean flag(String key) {
      return (Boolean) values.get(key);
    }

    int[] integers(String key) {
      return ((List<?>) values.get(key)).stream().mapToInt(v -> ((Double) v).intValue()).toArray();
    }

    boolean has(String key) {
      return values.containsKey(key);
    }
  }

  @FunctionalInterface
  private interface Operation {
    Tensor apply(List<Tensor> in, Args args);
  }

  private static final Map<String, Operation> OPERATIONS =
      Map.ofEntries(
          Map.entry("add", (in, a) -> in.get(0).add(in.get(1))),
          Map.entry("sub", (in, a) -> in.get(0).sub(in.get(1))),
          Map.entry("mul", (in, a) -> in.get(0).mul(in.get(1))),
          Map.entry("div", (in, a) -> in.get(0).div(in.get(1))),
          Map.entry("pow", (in, a) -> in.get(0).pow(in.get(1))),
          Map.entry("powScalar", (in, a) -> in.get(0).pow(a.number("exponent"))),
          Map.entry("maximum", (in, a) -> in.get(0).maximum(in.get(1))),
          Map.entry("minimum", (in, a) -> in.get(0).minimum(in.get(1))),
          Map.entry("greater", (in, a) -> in.get(0).greater(in.get(1))),
          Map.entry("greaterEqual", (in, a) -> in.get(0).greaterEqual(in.get(1))),
          Map.entry("less", (in, a) -> in.get(0).less(in.get(1))),
          Map.entry("lessEqual", (in, a) -> in.get(0).lessEqual(in.get(1))),
          Map.entry("equal", (in, a) -> in.get(0).equal(in.get(1))),
          Map.entry("notEqual", (in, a) -> in.get(0).notEqual(in.get(1))),
          Map.entry("where", (in, a) -> Tensor.where(in.get(0), in.get(1), in.get(2))),
          Map.entry("clip", (in, a) -> in.get(0).clip(a.number("low"), a.number("high"))),
          Map.entry("neg", (in, a) -> in.get(0).neg()),
          Map.entry("exp", (in, a) -> in.get(0).exp()),
          Map.entry("log", (in, a) -> in.get(0).log()),
          Map.entry("sqrt", (in, a) -> in.get(0).sqrt()),
          Map.entry("abs", (in, a) -> in.get(0).abs()),
          Map.entry("sign", (in, a) -> in.get(0).sign()),
          Map.entry("square", (in, a) -> in.get(0).square()),
          Map.entry("erf", (in, a) -> in.get(0).erf()),
          Map.entry("relu", (in, a) -> in.get(0).relu()),
          Map.entry("sigmoid", (in, a) -> in.get(0).sigmoid()),
          Map.entry("tanh", (in, a) -> in.get(0).tanh()),
          Map.entry("softplus", (in, a) -> in.get(0).softplus()),
          Map.entry("leakyRelu", (in, a) -> in.get(0).leakyRelu(a.number("alpha"))),
          Map.entry("elu", (in, a) -> in.get(0).elu(a.number("alpha"))),
          Map.entry("gelu", (in, a) -> in.get(0).gelu()),
          Map.entry("swish", (in, a) -> in.get(0).swish()),
          Map.entry("softmax", (in, a) -> in.get(0).softmax(a.integer("axis"))),
          Map.entry("logSoftmax", (in, a) -> in.get(0).logSoftmax(a.integer("axis"))),
          Map.entry(
              "sum",
              (in, a) ->
                  a.has("axis")
                      ? in.get(0).sum(a.integer("axis"), a.flag("keepDims"))
                      : in.get(0).sum()),
          Map.entry(
              "mean",
              (in, a) ->
                  a.has("axis")
                      ? in.get(0).mean(a.integer("axis"), a.flag("keepDims"))
                      : in.get(0).mean()),
          Map.entry(
              "max",
              (in, a) ->
                  a.has("axis")
                      ? in.get(0).max(a.integer("axis"), a.flag("keepDims"))
                      : in.get(0).max()),
          Map.entry("min", (in, a) -> in.get(0).min(a.integer("axis"), a.flag("keepDims"))),
          Map.entry("argmax", (in, a) -> in.get(0).argmax(a.integer("axis")).to(in.get(0).dtype())),
          Map.entry("reshape", (in, a) -> in.get(0).reshape(a.integers("shape"))),
          Map.entry("transpose", (in, a) -> in.get(0).transpose()),
          Map.entry("permute", (in, a) -> in.get(0).permute(a.integers("axes"))),
          Map.entry("concat", (in, a) -> Tensor.concat(in, a.integer("axis"))),
          Map.entry(
              "slice",
              (in, a) -> in.get(0).slice(a.integer("axis"), a.integer("start"), a.integer("end"))),
          Map.entry(
              "matmul",
              (in, a) -> in.get(0).matmul(in.get(1), a.flag("transA"), a.flag("transB"))));
}
