package dev.llmhpo.propose.llm.endpoint;

import dev.llmhpo.propose.llm.text.CompactNumber;
import java.time.Duration;

/** When one round's talk with the chat endpoint must be over: every request, retry wait and repair included. */
public final class RoundDeadline {
  private final Duration length;
  private final long endNanos;

  private RoundDeadline(Duration length) {
    this.length = length;
    this.endNanos = System.nanoTime() + length.toNanos();
  }

  /** A deadline {@code length} from now. */
  public static RoundDeadline after(Duration length) {
    return new RoundDeadline(length);
  }

  /** The time left; zero once the deadline has passed. */
  Duration left() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  /** How the deadline is named in messages: "the round's 2.5 s for the chat model". */
  @Override
  public String toString() {
    return "the round's " + CompactNumber.format(length.toMillis() / 1000.0) + " s for the chat model";
  }
}
