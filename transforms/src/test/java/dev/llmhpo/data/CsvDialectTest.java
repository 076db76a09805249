package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.TaskType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Delimiters, quotes and decimal marks: detected from the header, or given as tune's options give them. */
public class CsvDialectTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  private static final String BANK_HEADER =
      "\"age\";\"job\";\"marital\";\"education\";\"default\";\"balance\";\"housing\";\"loan\";\"contact\";\"day\";"
          + "\"month\";\"duration\";\"campaign\";\"pdays\";\"previous\";\"poutcome\";\"y\"";

  /** Rows as the UCI Bank Marketing file writes them: ';' between fields, every text field quoted. */
  private Path bankMarketing(String name, int rows, long seed) throws IOException {
    String[] jobs = {"management", "technician", "entrepreneur", "blue-collar", "unknown", "retired"};
    String[] marital = {"married", "single", "divorced"};
    String[] education = {"tertiary", "secondary", "primary", "unknown"};
    String[] months = {"may", "jun", "jul", "aug"};
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(List.of(BANK_HEADER));
    for (int i = 0; i < rows; i++) {
      lines.add(String.join(";",
          String.valueOf(20 + random.nextInt(60)), quoted(jobs[random.nextInt(jobs.length)]),
          quoted(marital[random.nextInt(3)]), quoted(education[random.nextInt(4)]), quoted("no"),
          String.valueOf(random.nextInt(5000) - 500), quoted(random.nextBoolean() ? "yes" : "no"), quoted("no"),
          quoted("unknown"), String.valueOf(1 + random.nextInt(28)), quoted(months[random.nextInt(4)]),
          String.valueOf(random.nextInt(900)), String.valueOf(1 + random.nextInt(5)), "-1", "0",
          quoted("unknown"), quoted(i % 4 == 0 ? "yes" : "no")));
    }
    return CsvFiles.write(folder, name, lines.toArray(String[]::new));
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  @Test
  public void aBankMarketingFileBecomesAStudyReadyTable() throws IOException {
    Path train = bankMarketing("bank-full.csv", 80, 1);
    Path test = bankMarketing("bank.csv", 20, 2);
    DataSource source =
        DataSource.newBuilder().setTrainPath(train.toString()).setTestPath(test.toString()).setTarget("y").build();

    PreparedData data = PreparedData.load(source, null, 0.25, 1);

    assertThat(data.task(), is(TaskType.BINARY));
    assertThat(data.encoding().positiveClass(), is("yes"));
    assertThat(data.encoding().featureNames().length, is(16));
    assertThat(
        List.of(data.encoding().featureTypes()),
        contains("q", "c", "c", "c", "c", "q", "c", "c", "c", "q", "c", "q", "q", "q", "q", "c"));
    assertThat(data.train().rows() + data.validation().rows(), is(80));
    assertThat(data.test().rows(), is(20));
    assertThat(data.card().classBalance().get("yes"), is(new DataCard.Count(20, 0.25)));
    CategoricalColumn job = (CategoricalColumn) CsvFiles.read(train).requireColumn("job");
    assertThat(job.categories().contains("management"), is(true));
  }

  @Test
  public void saysTheDelimiterOnTheConsole() throws IOException {
    Path train = bankMarketing("train.csv", 5, 1);
    Path tabs = CsvFiles.write(folder, "tabs.csv", "a\tb", "1\t2");

    String console = console(() -> {
      CsvFiles.read(train);
      CsvTableReader.read(tabs, settings("tab", "\"", ",", Set.of()));
    });

    assertThat(console, containsString("train.csv: delimiter ';' (detected from the header)"));
    assertThat(console, containsString("tabs.csv: delimiter tab (given), decimal mark ','"));
  }

  @Test
  public void detectsEachCandidateDelimiterFromTheHeader() throws IOException {
    for (String delimiter : List.of(",", ";", "\t", "|")) {
      String text = delimiter.equals(",") ? "x y" : "x, y";
      Path file = CsvFiles.write(
          folder, "t.csv", String.join(delimiter, "a", "b c", "d"), String.join(delimiter, "1", text, "2"));

      Table table = CsvFiles.read(file);

      assertThat(delimiter, table.columnNames(), contains("a", "b c", "d"));
      assertThat(((CategoricalColumn) table.requireColumn("b c")).value(0), is(text));
    }
  }

  @Test
  public void aGivenDelimiterAndQuoteAreUsed() throws IOException {
    Path file = CsvFiles.write(folder, "t.csv", "a|'b|c'", "1|'x|y'", "2|'it''s'");

    Table table = CsvTableReader.read(file, settings("|", "'", ".", Set.of()));

    assertThat(table.columnNames(), contains("a", "b|c"));
    assertThat(((CategoricalColumn) table.requireColumn("b|c")).categories(), contains("x|y", "it's"));
  }

  @Test
  public void decimalCommaReadsEuropeanNumbers() throws IOException {
    Path train = CsvFiles.write(folder, "train.csv", "\"x\";\"y\";\"n\"", "1,5;\"a\";-2,25e1", "3;\"b\";7");
    Path test = CsvFiles.write(folder, "test.csv", "\"x\";\"y\";\"n\"", "0,125;\"a\";1");
    ReadSettings european = settings(null, "\"", ",", Set.of());

    Table table = CsvTableReader.read(train, european);
    Table second = CsvTableReader.readLike(test, table, european);

    assertThat(((NumericColumn) table.requireColumn("x")).value(0), is(1.5));
    assertThat(((NumericColumn) table.requireColumn("n")).value(0), is(-22.5));
    assertThat(((NumericColumn) second.requireColumn("x")).value(0), is(0.125));
    // with the decimal comma a '.' is no decimal mark, so "1.5" is text
    Table dotted = CsvTableReader.read(CsvFiles.write(folder, "d.csv", "x;y", "1.5;a", "2;b"), european);
    assertThat(dotted.requireColumn("x").type(), is(ColumnType.CATEGORICAL));
  }

  @Test
  public void textAfterAClosingQuoteNamesLineDelimiterAndQuote() throws IOException {
    Path file = CsvFiles.write(folder, "t.csv", "a;b", "1;2", "\"x\"y;3");

    DataException e =
        assertThrows(DataException.class, () -> CsvTableReader.read(file, settings(";", "\"", ".", Set.of())));

    assertThat(e.getMessage(), containsString(file + " line 3: "));
    assertThat(e.getMessage(), containsString("(delimiter ';', quote '\"')"));
  }

  @Test
  public void badSettingsNameTheOption() {
    assertThat(
        message(() -> CsvDialect.of(";;", "\"", ".")),
        equalTo("--delimiter=;;: expected one character, 'tab' or 'auto'"));
    assertThat(message(() -> CsvDialect.of(null, "", ".")), equalTo("--quote=: expected one character"));
    assertThat(message(() -> CsvDialect.of(null, "\"", ";")), equalTo("--decimal=;: expected . or ,"));
    assertThat(
        message(() -> CsvDialect.of("'", "'", ".")),
        equalTo("--delimiter and --quote are both '''; they must differ"));
    assertThat(CsvDialect.of("tab", "\"", ","), equalTo(new CsvDialect('\t', '"', ',')));
    assertThat(CsvDialect.of("auto", "'", "."), equalTo(new CsvDialect(null, '\'', '.')));
  }

  static ReadSettings settings(String delimiter, String quote, String decimal, Set<String> numeric) {
    return new ReadSettings(CsvDialect.of(delimiter, quote, decimal), numeric);
  }

  private static String message(Runnable call) {
    return assertThrows(IllegalArgumentException.class, call::run).getMessage();
  }

  /** What {@code action} logs; slf4j-simple writes to the System.err of the moment. */
  static String console(Runnable action) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(err);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
