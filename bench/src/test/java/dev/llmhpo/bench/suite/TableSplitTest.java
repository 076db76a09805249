package dev.llmhpo.bench.suite;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.data.DataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TableSplitTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  /** 100 rows: ID, x, y; y is "a" on 80 rows, "b" on every fifth. */
  private Path table() throws Exception {
    List<String> lines = new ArrayList<>(List.of("ID,x,y"));
    for (int i = 0; i < 100; i++) {
      lines.add(i + "," + (i * 0.5) + "," + (i % 5 == 0 ? "b" : "a"));
    }
    Path file = tmp.getRoot().toPath().resolve("t.csv");
    Files.write(file, lines);
    return file;
  }

  private SuiteTable table(SuiteTable.Split split, List<String> drop) throws Exception {
    return new SuiteTable("t", table(), null, "y", "binary", null, split, 0.2, drop);
  }

  @Test
  public void stratifiedSplitKeepsEachClassShareAndDropsColumns() throws Exception {
    Path splits = tmp.newFolder("splits").toPath();
    TableSplit.SplitFiles files = TableSplit.of(table(SuiteTable.Split.STRATIFIED, List.of("ID")), 1, splits);
    List<String> test = Files.readAllLines(files.test());
    List<String> train = Files.readAllLines(files.train());
    assertThat(test.get(0), equalTo("x,y"));
    assertThat(train.get(0), equalTo("x,y"));
    assertThat(test.size() - 1, equalTo(20));
    assertThat(train.size() - 1, equalTo(80));
    assertThat(test.stream().filter(l -> l.endsWith(",b")).count(), equalTo(4L)); // a fifth of the 20 "b" rows
    TableSplit.SplitFiles again = TableSplit.of(table(SuiteTable.Split.STRATIFIED, List.of("ID")), 2, splits);
    assertThat(Files.readAllLines(again.test()), not(equalTo(test))); // another seed, other rows
  }

  @Test
  public void timeSplitTakesTheLastRowsForEverySeed() throws Exception {
    Path splits = tmp.newFolder("splits").toPath();
    TableSplit.SplitFiles one = TableSplit.of(table(SuiteTable.Split.TIME, List.of()), 1, splits);
    TableSplit.SplitFiles two = TableSplit.of(table(SuiteTable.Split.TIME, List.of()), 2, splits);
    assertThat(one, equalTo(two));
    List<String> test = Files.readAllLines(one.test());
    assertThat(test.get(1), equalTo("80,40.0,b"));
    assertThat(test.get(test.size() - 1), equalTo("99,49.5,a"));
  }

  @Test
  public void aFileWithNothingToDropIsUsedAsItIs() throws Exception {
    Path file = table();
    SuiteTable given = new SuiteTable("t", file, file, "y", "binary", null, SuiteTable.Split.FILE, 0.2, List.of());
    assertThat(TableSplit.of(given, 1, tmp.newFolder("splits").toPath()),
        equalTo(new TableSplit.SplitFiles(file, file)));
  }

  @Test
  public void aMissingColumnIsNamed() throws Exception {
    DataException e = assertThrows(DataException.class,
        () -> TableSplit.of(table(SuiteTable.Split.STRATIFIED, List.of("Id")), 1, tmp.newFolder("s").toPath()));
    assertThat(e.getMessage(), containsString("has no column 'Id'"));
  }
}
