package dev.llmhpo.report.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A CART regression tree on points of the unit cube: each split is the squared-error-minimising threshold, half way
 * between neighbouring values of one feature; a node becomes a leaf when its targets are equal, it holds one
 * sample, or the depth limit is reached. Points with {@code x[f] <= threshold} go left.
 */
public final class RegressionTree {
  /** A leaf's box in the unit cube (bounds per feature) and its prediction. */
  public record Leaf(double[] low, double[] high, double value) {
    public double volume() {
      double v = 1;
      for (int f = 0; f < low.length; f++) {
        v *= high[f] - low[f];
      }
      return v;
    }
  }

  private record Node(int feature, double threshold, Node left, Node right, double value) {
    boolean isLeaf() {
      return left == null;
    }
  }

  private final Node root;
  private final int features;

  private RegressionTree(Node root, int features) {
    this.root = root;
    this.features = features;
  }

  /**
   * @param x points in [0, 1]^d, one per sample
   * @param y targets
   * @param rows the samples this tree learns from; a row may repeat (bootstrap)
   */
  public static RegressionTree fit(double[][] x, double[] y, int[] rows, int maxDepth) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("a tree needs at least one sample");
    }
    return new RegressionTree(grow(x, y, rows.clone(), 0, maxDepth), x[0].length);
  }

  private static Node grow(double[][] x, double[] y, int[] rows, int depth, int maxDepth) {
    double mean = 0;
    for (int r : rows) {
      mean += y[r];
    }
    mean /= rows.length;
    Split best = depth < maxDepth ? bestSplit(x, y, rows) : null;
    if (best == null) {
      return new Node(-1, Double.NaN, null, null, mean);
    }
    int[] left = Arrays.stream(rows).filter(r -> x[r][best.feature] <= best.threshold).toArray();
    int[] right = Arrays.stream(rows).filter(r -> x[r][best.feature] > best.threshold).toArray();
    return new Node(
        best.feature, best.threshold, grow(x, y, left, depth + 1, maxDepth), grow(x, y, right, depth + 1, maxDepth), mean);
  }

  private record Split(int feature, double threshold, double sse) {}

  /** The split that lowers the squared error most, or null when none lowers it. */
  private static Split bestSplit(double[][] x, double[] y, int[] rows) {
    int n = rows.length;
    double total = 0, totalSq = 0;
    for (int r : rows) {
      total += y[r];
      totalSq += y[r] * y[r];
    }
    double parentSse = totalSq - total * total / n;
    Split best = null;
    Integer[] order = new Integer[n];
    for (int f = 0; f < x[0].length; f++) {
      final int feature = f;
      for (int i = 0; i < n; i++) {
        order[i] = rows[i];
      }
      Arrays.sort(order, Comparator.comparingDouble(r -> x[r][feature]));
      double leftSum = 0, leftSq = 0;
      for (int k = 0; k < n - 1; k++) {
        double v = y[order[k]];
        leftSum += v;
        leftSq += v * v;
        double here = x[order[k]][f], next = x[order[k + 1]][f];
        if (here == next) {
          continue;
        }
        int nl = k + 1, nr = n - nl;
        double rightSum = total - leftSum, rightSq = totalSq - leftSq;
        double sse = (leftSq - leftSum * leftSum / nl) + (rightSq - rightSum * rightSum / nr);
        if (sse < parentSse - 1e-12 * Math.max(1, Math.abs(parentSse)) && (best == null || sse < best.sse)) {
          best = new Split(f, (here + next) / 2, sse);
        }
      }
    }
    return best;
  }

  public double predict(double[] point) {
    Node node = root;
    while (!node.isLeaf()) {
      node = point[node.feature] <= node.threshold ? node.left : node.right;
    }
    return node.value;
  }

  /** The leaves with their boxes; the boxes tile the unit cube. */
  public List<Leaf> leaves() {
    List<Leaf> out = new ArrayList<>();
    double[] low = new double[features], high = new double[features];
    Arrays.fill(high, 1);
    collect(root, low, high, out);
    return out;
  }

  private static void collect(Node node, double[] low, double[] high, List<Leaf> out) {
    if (node.isLeaf()) {
      out.add(new Leaf(low.clone(), high.clone(), node.value));
      return;
    }
    int f = node.feature;
    double savedHigh = high[f], savedLow = low[f];
    high[f] = Math.min(savedHigh, node.threshold);
    collect(node.left, low, high, out);
    high[f] = savedHigh;
    low[f] = Math.max(savedLow, node.threshold);
    collect(node.right, low, high, out);
    low[f] = savedLow;
  }
}
