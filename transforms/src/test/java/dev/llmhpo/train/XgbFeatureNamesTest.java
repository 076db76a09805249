package dev.llmhpo.train;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.arrayContaining;
import static org.hamcrest.Matchers.equalTo;

import org.junit.Test;

/** Names XGBoost accepts, distinct when the columns are and decoded back to them. */
public class XgbFeatureNamesTest {
  @Test
  public void theCharactersXgboostRejectsAndThePercentSignArePercentEncoded() {
    assertThat(XgbFeatureNames.encode("char_freq_["), equalTo("char_freq_%5B"));
    assertThat(XgbFeatureNames.encode("a]<b"), equalTo("a%5D%3Cb"));
    assertThat(XgbFeatureNames.encode("50%"), equalTo("50%25"));
  }

  @Test
  public void namesWithoutThoseCharactersAreUnchanged() {
    String[] spambase = {"char_freq_;", "char_freq_(", "char_freq_!", "char_freq_$", "char_freq_#", "word_freq_3d"};

    assertThat(XgbFeatureNames.encode(spambase), equalTo(spambase));
  }

  @Test
  public void distinctColumnsKeepDistinctNames() {
    // '%' is encoded too, so a column that is literally "char_freq_%5B" does not become char_freq_['s name
    String[] safe = XgbFeatureNames.encode(new String[] {"char_freq_[", "char_freq_(", "char_freq_%5B"});

    assertThat(safe, arrayContaining("char_freq_%5B", "char_freq_(", "char_freq_%255B"));
  }

  @Test
  public void decodingGivesTheColumnBack() {
    for (String column : new String[] {"char_freq_[", "char_freq_(", "%5B", "[]<%", "100%", "plain", ""}) {
      assertThat(XgbFeatureNames.decode(XgbFeatureNames.encode(column)), equalTo(column));
    }
  }

  @Test(expected = IllegalArgumentException.class)
  public void aPercentSignThatEncodesNothingIsNotAnEncodedName() {
    XgbFeatureNames.decode("50%");
  }
}
