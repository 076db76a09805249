package dev.llmhpo.space;

import static dev.llmhpo.space.SearchParams.categorical;
import static dev.llmhpo.space.SearchParams.floatParam;
import static dev.llmhpo.space.SearchParams.intParam;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class SearchSpaceTest {
  private static final SearchSpace XGBOOST = SearchSpace.xgboostDefault();
  private static final SearchSpace SMALL =
      SearchSpace.of(
          List.of(
              floatParam("eta", 0.01, 0.3, true, 0.1),
              intParam("max_depth", 2, 12, false, null),
              categorical("grow_policy", List.of("depthwise", "lossguide"), null)));

  @Test
  public void xgboostDefaultsAreXgboostsOwnClippedIntoTheSpace() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("eta", 0.3);
    expected.put("max_depth", 6L);
    expected.put("min_child_weight", 1.0);
    expected.put("subsample", 1.0);
    expected.put("colsample_bytree", 1.0);
    expected.put("lambda", 1.0);
    expected.put("alpha", 0.001);
    expected.put("gamma", 0.001);
    expected.put("max_bin", 256L);

    assertThat(XGBOOST.defaults(), equalTo(expected));
    assertThat(List.copyOf(XGBOOST.defaults().keySet()), equalTo(XGBOOST.names()));
    assertTrue(XGBOOST.contains(XGBOOST.defaults()));
  }

  @Test
  public void parametersWithoutDefaultTakeTheMiddleOrTheFirstChoice() {
    SearchSpace space =
        SearchSpace.of(
            List.of(
                floatParam("linear", 0, 1, false, null),
                floatParam("log", 0.01, 100, true, null),
                intParam("int", 2, 11, false, null),
                intParam("logint", 1, 100, true, null),
                categorical("cat", List.of("b", "a"), null)));

    assertThat(space.defaults().values(), contains(0.5, 1.0, 7L, 10L, "b"));
  }

  @Test
  public void coercesLooseTypes() {
    assertThat(XGBOOST.coerce("max_depth", "6", OutOfRange.REJECT), equalTo(6L));
    assertThat(XGBOOST.coerce("max_depth", 6.0, OutOfRange.REJECT), equalTo(6L));
    assertThat(XGBOOST.coerce("max_depth", 6.4, OutOfRange.REJECT), equalTo(6L));
    assertThat(XGBOOST.coerce("max_depth", "6.6", OutOfRange.REJECT), equalTo(7L));
    assertThat(XGBOOST.coerce("max_depth", 6, OutOfRange.REJECT), equalTo(6L));
    assertThat(XGBOOST.coerce("eta", "0.1", OutOfRange.REJECT), equalTo(0.1));
    assertThat(XGBOOST.coerce("eta", " 1e-2 ", OutOfRange.REJECT), equalTo(0.01));
    assertThat(XGBOOST.coerce("eta", 0.1f, OutOfRange.REJECT), instanceOf(Double.class));
    assertThat(XGBOOST.coerce("max_bin", 256L, OutOfRange.REJECT), equalTo(256L));
    assertThat(SMALL.coerce("grow_policy", " LossGuide", OutOfRange.REJECT), equalTo("lossguide"));
  }

  @Test
  public void refusesValuesThatAreNotNumbers() {
    for (Object bad : List.of("abc", "NaN", "0x10", "6f", Double.NaN, Double.POSITIVE_INFINITY, true)) {
      InvalidConfigException e =
          assertThrows(InvalidConfigException.class, () -> XGBOOST.coerce("eta", bad, OutOfRange.CLIP));
      assertThat(e.getMessage(), containsString("eta: "));
      assertThat(e.getMessage(), containsString(String.valueOf(bad)));
      assertThat(e.param(), equalTo("eta"));
    }
  }

  @Test
  public void clipsOrRejectsValuesOutsideTheBounds() {
    assertThat(XGBOOST.coerce("max_depth", 13, OutOfRange.CLIP), equalTo(12L));
    assertThat(XGBOOST.coerce("max_depth", 12.4, OutOfRange.REJECT), equalTo(12L));
    assertThat(XGBOOST.coerce("eta", 0.0, OutOfRange.CLIP), equalTo(0.005));
    assertThat(XGBOOST.coerce("eta", 1, OutOfRange.CLIP), equalTo(0.3));

    InvalidConfigException depth =
        assertThrows(InvalidConfigException.class, () -> XGBOOST.coerce("max_depth", 13, OutOfRange.REJECT));
    assertThat(depth.getMessage(), equalTo("max_depth: 13 is outside [2, 12]"));
    InvalidConfigException eta =
        assertThrows(InvalidConfigException.class, () -> XGBOOST.coerce("eta", "0.5", OutOfRange.REJECT));
    assertThat(eta.getMessage(), equalTo("eta: 0.5 is outside [0.005, 0.3]"));
  }

  @Test
  public void rejectsAnUnknownChoiceEvenWhenClipping() {
    InvalidConfigException e =
        assertThrows(InvalidConfigException.class, () -> SMALL.coerce("grow_policy", "leafwise", OutOfRange.CLIP));

    assertThat(e.getMessage(), equalTo("grow_policy: 'leafwise' is not one of [depthwise, lossguide]"));
  }

  @Test
  public void rejectsAnUnknownParameterByName() {
    InvalidConfigException e =
        assertThrows(InvalidConfigException.class, () -> SMALL.coerce("depth", 3, OutOfRange.CLIP));

    assertThat(e.getMessage(), containsString("depth: unknown parameter"));
  }

  @Test
  public void coercingAMapDropsUnknownKeysAndFillsMissingOnesInSpaceOrder() {
    Map<String, Object> raw = new HashMap<>();
    raw.put("grow_policy", "LOSSGUIDE");
    raw.put("objective", "binary:logistic");
    raw.put("eta", null);
    raw.put("max_depth", "20");

    Map<String, Object> config = SMALL.coerce(raw, OutOfRange.CLIP);

    assertThat(List.copyOf(config.keySet()), contains("eta", "max_depth", "grow_policy"));
    assertThat(List.copyOf(config.values()), contains(0.1, 12L, "lossguide"));
    assertThrows(InvalidConfigException.class, () -> SMALL.coerce(raw, OutOfRange.REJECT));
  }

  @Test
  public void containsOnlyCompleteConfigsOfTheRightTypesInsideTheBounds() {
    Map<String, Object> config = new LinkedHashMap<>(SMALL.defaults());
    assertTrue(SMALL.contains(config));

    assertFalse(SMALL.contains(with(config, "max_depth", 6)));
    assertFalse(SMALL.contains(with(config, "max_depth", 13L)));
    assertFalse(SMALL.contains(with(config, "eta", "0.1")));
    assertFalse(SMALL.contains(with(config, "grow_policy", "Lossguide")));
    assertFalse(SMALL.contains(with(config, "extra", 1.0)));
    Map<String, Object> missing = new LinkedHashMap<>(config);
    missing.remove("eta");
    assertFalse(SMALL.contains(missing));
  }

  @Test
  public void canonicalKeyIsStableAcrossOrderTypesAndRounding() {
    Map<String, Object> config = Map.of("eta", 0.1, "max_depth", 6L, "grow_policy", "lossguide");
    String key = SMALL.canonicalKey(config);

    assertThat(key, equalTo("{\"eta\":0.1,\"max_depth\":6,\"grow_policy\":\"lossguide\"}"));
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put("grow_policy", "LossGuide");
    reordered.put("max_depth", 6.0);
    reordered.put("eta", 0.1 + 1e-15);
    reordered.put("unknown", 3);
    assertThat(SMALL.canonicalKey(reordered), equalTo(key));
    assertThat(SMALL.canonicalKey(with(config, "eta", 0.1000001)), not(equalTo(key)));
    assertThat(SMALL.canonicalKey(with(config, "max_depth", 7L)), not(equalTo(key)));
    assertThat(SMALL.canonicalKey(Map.of()), equalTo(SMALL.canonicalKey(SMALL.defaults())));
  }

  @Test
  public void xgboostParamsUseIntegersForInts() {
    Map<String, Object> params =
        SMALL.toXgboostParams(Map.of("eta", 0.2, "max_depth", 4L, "grow_policy", "depthwise"));

    assertThat(params.get("max_depth"), equalTo(4));
    assertThat(params.get("eta"), equalTo(0.2));
    assertThat(params.get("grow_policy"), equalTo("depthwise"));
    assertThrows(InvalidConfigException.class, () -> SMALL.toXgboostParams(Map.of("max_depth", 40L)));
  }

  @Test
  public void unitCubeMapsUniformlyOnEachParametersScale() {
    SearchSpace space =
        SearchSpace.of(List.of(floatParam("log", 0.01, 100, true, null), intParam("int", 1, 4, false, null)));

    assertThat((Double) space.fromUnitCube(new double[] {0, 0}).get("log"), closeTo(0.01, 1e-12));
    assertThat((Double) space.fromUnitCube(new double[] {0.5, 0}).get("log"), closeTo(1, 1e-12));
    assertThat((Double) space.fromUnitCube(new double[] {0.9999999, 0}).get("log"), closeTo(100, 1e-4));
    int[] counts = new int[5];
    for (int i = 0; i < 1000; i++) {
      counts[((Long) space.fromUnitCube(new double[] {0, (i + 0.5) / 1000}).get("int")).intValue()]++;
    }
    assertThat(counts, equalTo(new int[] {0, 250, 250, 250, 250}));
  }

  @Test
  public void intCellsSplitTheWidenedRange() {
    NumericScale scale = SearchSpace.of(List.of(intParam("k", 1, 4, true, null))).scale("k");

    assertThat(scale.low(), closeTo(Math.log(0.5), 1e-15));
    assertThat(scale.high(), closeTo(Math.log(4.5), 1e-15));
    assertThat(scale.cell(2)[0], closeTo(Math.log(1.5), 1e-15));
    assertThat(scale.cell(2)[1], closeTo(Math.log(2.5), 1e-15));
    assertThat(scale.fromCoordinate(Math.log(2.4)), equalTo(2L));
  }

  @Test
  public void survivesJavaSerialisationAndHidesItsParameters() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(SMALL);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject(), equalTo(SMALL));
    }
    SMALL.param("eta").setHigh(5.0);
    SMALL.params().get(0).setHigh(5.0);
    assertThat(SMALL.param("eta").getHigh(), equalTo(0.3));
  }

  @Test
  public void ofRefusesDuplicateNamesAndAnEmptyList() {
    IllegalArgumentException duplicate =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SearchSpace.of(
                    List.of(floatParam("eta", 0, 1, false, null), floatParam("eta", 0, 2, false, null))));
    assertThat(duplicate.getMessage(), containsString("duplicate parameter 'eta'"));
    assertThrows(IllegalArgumentException.class, () -> SearchSpace.of(List.of()));
  }

  private static Map<String, Object> with(Map<String, Object> config, String name, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(config);
    changed.put(name, value);
    return changed;
  }
}
