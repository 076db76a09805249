package dev.llmhpo.report;

import java.awt.Color;
import java.util.List;

/** One colour per proposer, the same in every chart of a report: Tableau's ten, in order of first appearance. */
final class ProposerColours {
  private static final Color[] PALETTE = {
    new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759), new Color(0x76B7B2),
    new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)
  };

  private final List<String> proposers;

  ProposerColours(List<String> proposers) {
    this.proposers = List.copyOf(proposers);
  }

  Color of(String proposer) {
    int index = proposers.indexOf(proposer);
    return PALETTE[Math.floorMod(index < 0 ? proposer.hashCode() : index, PALETTE.length)];
  }

  /** CSS form of {@link #of}, for the HTML legend swatches. */
  String css(String proposer) {
    return String.format("#%06X", of(proposer).getRGB() & 0xFFFFFF);
  }
}
