package dev.llmhpo.propose.llm.text;

/** Makes untrusted text safe to put into a prompt, a log line or a trial record. */
public final class CleanText {
  private CleanText() {}

  /**
   * Drops control and invisible format characters (bidi overrides, zero-width joiners), backticks (so text cannot
   * close a prompt's fence) and pipes (so it cannot break a table row), collapses whitespace and caps the length.
   */
  public static String clean(String text, int maxChars) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars + 1));
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      int type = Character.getType(cp);
      if (type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
          || type == Character.SURROGATE || cp == '`' || cp == '|') {
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(cp);
      if (out.length() > maxChars) {
        int end = Character.isHighSurrogate(out.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return out.substring(0, end) + "…";
      }
    }
    return out.toString();
  }
}
