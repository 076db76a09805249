package dev.llmhpo.report.importance;

import java.util.List;
import java.util.TreeSet;

/**
 * Functional ANOVA of a forest over the unit cube (Hutter, Hoos and Leyton-Brown, ICML 2014), as Optuna's
 * {@code FanovaImportanceEvaluator} applies it: for each tree, each feature's main effect is the variance of the
 * tree's prediction averaged over every other feature, as a share of the tree's total variance, both under the
 * uniform measure on the cube; the shares are averaged over the trees and normalised to sum to 1. A tree is piecewise
 * constant on its leaves' boxes, so both variances are exact sums over the leaves.
 */
public final class Fanova {
  private Fanova() {}

  /** Each feature's normalised main-effect importance; all zero when no tree varies. */
  public static double[] importance(RandomForest forest, int features) {
    double[] sum = new double[features];
    int varying = 0;
    for (RegressionTree tree : forest.trees()) {
      double[] shares = mainEffectShares(tree.leaves(), features);
      if (shares != null) {
        varying++;
        for (int f = 0; f < features; f++) {
          sum[f] += shares[f];
        }
      }
    }
    double total = 0;
    for (double s : sum) {
      total += s;
    }
    double[] out = new double[features];
    if (varying > 0 && total > 0) {
      for (int f = 0; f < features; f++) {
        out[f] = sum[f] / total;
      }
    }
    return out;
  }

  /** Var(f_i) / Var(f) for each feature i of one tree, or null when the tree is constant. */
  static double[] mainEffectShares(List<RegressionTree.Leaf> leaves, int features) {
    double mean = 0;
    for (RegressionTree.Leaf leaf : leaves) {
      mean += leaf.value() * leaf.volume();
    }
    double variance = 0;
    for (RegressionTree.Leaf leaf : leaves) {
      variance += leaf.volume() * (leaf.value() - mean) * (leaf.value() - mean);
    }
    if (variance <= 1e-15 * Math.max(1, mean * mean)) {
      return null;
    }
    double[] shares = new double[features];
    for (int f = 0; f < features; f++) {
      shares[f] = marginalVariance(leaves, f, mean) / variance;
    }
    return shares;
  }

  /** The variance over x_f of the prediction averaged over every other feature. */
  private static double marginalVariance(List<RegressionTree.Leaf> leaves, int f, double mean) {
    TreeSet<Double> cuts = new TreeSet<>();
    for (RegressionTree.Leaf leaf : leaves) {
      cuts.add(leaf.low()[f]);
      cuts.add(leaf.high()[f]);
    }
    double variance = 0;
    Double previous = null;
    for (double cut : cuts) {
      if (previous != null && cut > previous) {
        double mid = (previous + cut) / 2, marginal = 0;
        for (RegressionTree.Leaf leaf : leaves) {
          double width = leaf.high()[f] - leaf.low()[f];
          if (width > 0 && leaf.low()[f] <= mid && mid < leaf.high()[f]) {
            marginal += leaf.value() * leaf.volume() / width;
          }
        }
        variance += (cut - previous) * (marginal - mean) * (marginal - mean);
      }
      previous = cut;
    }
    return variance;
  }
}
