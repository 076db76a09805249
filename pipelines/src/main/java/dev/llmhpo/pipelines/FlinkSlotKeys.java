package dev.llmhpo.pipelines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.flink.util.MathUtils;

/**
 * Keys that spread a round's trials evenly over Flink's parallel workers.
 *
 * <p>Random keys spread 8 trials 5/3 over 2 workers in a probe. Beam's Flink batch runner groups by the
 * key's encoded bytes, and Flink's hash partitioner sends a group to channel
 * {@code murmurHash(Arrays.hashCode(bytes)) % parallelism}; so for each worker we pick the smallest integer key
 * that lands on it. A test on FlinkRunner checks the spread.
 */
final class FlinkSlotKeys {
  private FlinkSlotKeys() {}

  static List<Integer> forParallelism(int parallelism) {
    List<Integer> keys = new ArrayList<>();
    for (int channel = 0; channel < parallelism; channel++) {
      int key = 0;
      while (channel(key, parallelism) != channel || keys.contains(key)) {
        key++;
      }
      keys.add(key);
    }
    return keys;
  }

  static int channel(int key, int parallelism) {
    try {
      byte[] encoded = CoderUtils.encodeToByteArray(VarIntCoder.of(), key);
      return MathUtils.murmurHash(Arrays.hashCode(encoded)) % parallelism;
    } catch (CoderException e) {
      throw new IllegalStateException(e);
    }
  }
}
