package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CsvTableReaderTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void trimsFieldsAndDetectsColumnTypes() throws IOException {
    Table table = CsvFiles.read(CsvFiles.write(folder, "t.csv", "a, b ,c", " 1,  x , 2.5", "-3e2, y,"));

    assertThat(table.rowCount(), is(2));
    assertThat(table.columnNames(), contains("a", "b", "c"));
    NumericColumn a = (NumericColumn) table.requireColumn("a");
    assertThat(a.value(0), is(1.0));
    assertThat(a.value(1), is(-300.0));
    CategoricalColumn b = (CategoricalColumn) table.requireColumn("b");
    assertThat(b.value(0), is("x"));
    assertThat(b.value(1), is("y"));
    NumericColumn c = (NumericColumn) table.requireColumn("c");
    assertThat(c.value(0), is(2.5));
    assertThat(c.isMissing(1), is(true));
  }

  @Test
  public void questionMarkNaAndEmptyAreMissingInBothTypes() throws IOException {
    Table table =
        CsvFiles.read(CsvFiles.write(folder, "t.csv", "n,s", "1,a", "?,?", "NA,NA", ",", "2,b"));

    Column n = table.requireColumn("n");
    Column s = table.requireColumn("s");
    assertThat(n.type(), is(ColumnType.NUMERIC));
    assertThat(s.type(), is(ColumnType.CATEGORICAL));
    assertThat(n.missingCount(), is(3));
    assertThat(s.missingCount(), is(3));
    assertThat(((CategoricalColumn) s).categories(), contains("a", "b"));
    assertThat(((CategoricalColumn) s).value(1), is(nullValue()));
  }

  @Test
  public void oneNonNumberMakesAColumnCategoricalWithItsRawStrings() throws IOException {
    Table table = CsvFiles.read(CsvFiles.write(folder, "t.csv", "v", "01", "2", "Infinity", "2"));

    CategoricalColumn v = (CategoricalColumn) table.requireColumn("v");
    assertThat(v.categories(), contains("01", "2", "Infinity"));
    assertThat(v.code(3), is(1));
  }

  @Test
  public void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
    Path file =
        CsvFiles.write(folder, "t.csv", "name,n", "\"Smith, J.\" ,1", " \"say \"\"hi\"\"\",2", "\"two", "lines\",3");

    CategoricalColumn name = (CategoricalColumn) CsvFiles.read(file).requireColumn("name");
    assertThat(name.categories(), contains("Smith, J.", "say \"hi\"", "two\nlines"));
  }

  @Test
  public void skipsBlankLinesAndReadsWindowsLineEndings() throws IOException {
    Path file = folder.getRoot().toPath().resolve("t.csv");
    Files.writeString(file, "\uFEFFa,b\r\n1,x\r\n\r\n   \r\n2,y\r\n\r\n", StandardCharsets.UTF_8);

    Table table = CsvFiles.read(file);
    assertThat(table.columnNames(), contains("a", "b"));
    assertThat(table.rowCount(), is(2));
    assertThat(((CategoricalColumn) table.requireColumn("b")).categories(), contains("x", "y"));
  }

  @Test
  public void missingFileIsNamed() {
    Path file = folder.getRoot().toPath().resolve("absent.csv");
    DataException e = assertThrows(DataException.class, () -> CsvFiles.read(file));
    assertThat(e.getMessage(), allOf(containsString(file.toString()), containsString("not found")));
  }

  @Test
  public void emptyFileIsAnError() throws IOException {
    Path file = CsvFiles.write(folder, "empty.csv", "");
    DataException e = assertThrows(DataException.class, () -> CsvFiles.read(file));
    assertThat(e.getMessage(), allOf(containsString(file.toString()), containsString("is empty")));
  }

  @Test
  public void headerWithoutRowsIsAnError() throws IOException {
    Path file = CsvFiles.write(folder, "header.csv", "a,b", "");
    DataException e = assertThrows(DataException.class, () -> CsvFiles.read(file));
    assertThat(e.getMessage(), allOf(containsString(file.toString()), containsString("no data rows")));
  }

  @Test
  public void raggedRowNamesLineAndFieldCounts() throws IOException {
    Path file = CsvFiles.write(folder, "ragged.csv", "a,b,c", "\"x", "y\",2,3", "4,5");
    DataException e = assertThrows(DataException.class, () -> CsvFiles.read(file));
    assertThat(e.getMessage(), equalTo(file + " line 4 has 2 fields, header has 3"));
  }

  @Test
  public void unclosedQuoteNamesItsLine() throws IOException {
    Path file = CsvFiles.write(folder, "quote.csv", "a,b", "1,2", "3,\"open");
    DataException e = assertThrows(DataException.class, () -> CsvFiles.read(file));
    assertThat(e.getMessage(), allOf(containsString(file + " line 3"), containsString("no closing quote")));
  }

  @Test
  public void duplicateColumnNameIsAnError() throws IOException {
    Path file = CsvFiles.write(folder, "dup.csv", "a,b,a", "1,2,3");
    DataException e = assertThrows(DataException.class, () -> CsvFiles.read(file));
    assertThat(e.getMessage(), allOf(containsString(file + " line 1"), containsString("'a' twice")));
  }

  @Test
  public void readLikeTakesTheReferenceTypesInAnyColumnOrder() throws IOException {
    Table train = CsvFiles.read(CsvFiles.write(folder, "train.csv", "n,s", "1,a", "2,b"));
    Table test = CsvFiles.readLike(CsvFiles.write(folder, "test.csv", "s,n", "3,5", "a,?"), train);

    assertThat(test.columnNames(), contains("n", "s"));
    assertThat(((NumericColumn) test.requireColumn("n")).value(0), is(5.0));
    assertThat(test.requireColumn("n").isMissing(1), is(true));
    assertThat(((CategoricalColumn) test.requireColumn("s")).categories(), contains("3", "a"));
  }

  @Test
  public void readLikeNamesFileLineColumnAndValueOfAnUnreadableNumber() throws IOException {
    Path trainFile = CsvFiles.write(folder, "train.csv", "age,s", "1,a", "2,b");
    Table train = CsvFiles.read(trainFile);
    Path testFile = CsvFiles.write(folder, "test.csv", "age,s", "3,a", "", "forty,b");

    DataException e = assertThrows(DataException.class, () -> CsvFiles.readLike(testFile, train));
    assertThat(
        e.getMessage(),
        equalTo(testFile + " line 4 column 'age': 'forty' is not a number, but the column is numeric in "
            + trainFile));
  }

  @Test
  public void readLikeRejectsDifferentColumns() throws IOException {
    Path trainFile = CsvFiles.write(folder, "train.csv", "a,b,c", "1,2,3");
    Table train = CsvFiles.read(trainFile);
    Path testFile = CsvFiles.write(folder, "test.csv", "a,c,d", "1,2,3");

    DataException e = assertThrows(DataException.class, () -> CsvFiles.readLike(testFile, train));
    assertThat(
        e.getMessage(),
        equalTo(testFile + " has different columns from " + trainFile + ": missing [b], unexpected [d]"));
  }
}
