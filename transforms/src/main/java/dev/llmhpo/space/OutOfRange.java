package dev.llmhpo.space;

/** What coercion does with a numeric value outside its parameter's bounds. */
public enum OutOfRange {
  /** Move the value to the nearest bound. */
  CLIP,
  /** Throw {@link InvalidConfigException}. */
  REJECT
}
