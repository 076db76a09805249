package dev.llmhpo.pipelines;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code --delimiter}, {@code --quote}, {@code --decimal} and {@code --numeric} reach the study's data source. */
public class CsvOptionsTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  /** ';' between fields, decimal commas, and rate holding one word among its numbers. */
  private Path european() throws Exception {
    StringBuilder csv = new StringBuilder("'rate';'amount';'colour';'label'\n");
    for (int i = 0; i < 60; i++) {
      csv.append(i == 4 ? "'n/a'" : i % 7 + ",5").append(';').append(i * 3).append(",25;'")
          .append(i % 3 == 0 ? "red" : "blue").append("';'").append(i % 2 == 0 ? "yes" : "no").append("'\n");
    }
    Path file = tmp.newFile("european.csv").toPath();
    Files.writeString(file, csv);
    return file;
  }

  @Test
  public void theCsvOptionsAreInTheSpecAndReadTheFile() throws Exception {
    Path train = european();
    Study study = StudyFixtures.prepare(StudyFixtures.options(tmp.newFolder().toPath(), "--train=" + train,
        "--target=label", "--delimiter=;", "--quote='", "--decimal=,", "--numeric=rate,amount"), 1);

    DataSource source = study.spec().getDataSource();
    assertThat(source.getDelimiter(), equalTo(";"));
    assertThat(source.getQuote(), equalTo("'"));
    assertThat(source.getDecimal(), equalTo(","));
    assertThat(source.getNumericColumns(), contains("rate", "amount"));
    JsonNode card = new ObjectMapper().readTree(study.dataCardJson());
    assertThat(card.get("columns").get(1).get("max").asDouble(), equalTo(177.25));
    JsonNode warning = card.get("warnings").get(0);
    assertThat(warning.get("column").asText(), equalTo("rate"));
    assertThat(warning.get("kind").asText(), equalTo("unparsed_as_missing"));
    assertThat(warning.get("firstLine").asInt(), equalTo(6));
  }

  @Test
  public void withoutTheOptionsTheDelimiterIsDetected() throws Exception {
    Path train = tmp.newFile("t.csv").toPath();
    Files.writeString(train, "a;b;label\n" + "1;x;yes\n2;y;no\n".repeat(10));

    DataSource source =
        StudyFixtures.prepare(StudyFixtures.options(tmp.newFolder().toPath(), "--train=" + train, "--target=label"), 1)
            .spec()
            .getDataSource();

    assertThat(source.getDelimiter(), nullValue());
    assertThat(source.getQuote(), equalTo("\""));
    assertThat(source.getDecimal(), equalTo("."));
  }

  @Test
  public void badCsvOptionsNameTheOption() {
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> TuneCommand.parse(new String[] {"--decimal=;"}))
            .getMessage(),
        equalTo("--decimal=;: expected . or ,"));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> TuneCommand.parse(new String[] {"--delimiter=ab"}))
            .getMessage(),
        equalTo("--delimiter=ab: expected one character, 'tab' or 'auto'"));
  }
}
