package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmhpo.schema.TaskType;
import java.io.IOException;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DataCardTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  private DataCard card(TaskType task, String... lines) throws IOException {
    Table table = CsvTableReader.read(CsvFiles.write(folder, "train.csv", lines));
    return DataCards.describe(table, TableEncoder.fit(table, "y", task, null));
  }

  @Test
  public void describesRowsColumnsAndClassBalance() throws IOException {
    DataCard card =
        card(TaskType.BINARY, "age,job,y", "30,clerk,no", "?,?,yes", "40,chef,no", "50,clerk,?", "20,clerk,yes");

    assertThat(card.rows(), is(5));
    assertThat(card.rowsDropped(), is(1));
    assertThat(card.target(), is("y"));
    assertThat(card.task(), is(TaskType.BINARY));
    assertThat(
        card.columns().get(0),
        is(new DataCard.ColumnSummary("age", "numeric", 0.2, 4, 20.0, 35.0, 50.0, null)));
    assertThat(
        card.columns().get(1),
        is(new DataCard.ColumnSummary("job", "categorical", 0.2, 2, null, null, null,
            List.of(new DataCard.ValueCount("clerk", 3, 0.6), new DataCard.ValueCount("chef", 1, 0.2)))));
    assertThat(card.classBalance().keySet(), contains("no", "yes"));
    assertThat(card.classBalance().get("yes"), is(new DataCard.Count(2, 0.5)));
  }

  @Test
  public void listsAtMostTheTopFiveValues() throws IOException {
    DataCard card = card(TaskType.BINARY, "c,y", "a,0", "b,1", "c,0", "d,1", "e,0", "f,1", "a,0");
    assertThat(card.columns().get(0).topValues().size(), is(DataCards.TOP_VALUES));
    assertThat(card.columns().get(0).cardinality(), is(6));
  }

  @Test
  public void writesJsonWithoutAbsentFields() throws IOException {
    DataCard card = card(TaskType.REGRESSION, "job,y", "clerk,1.5", "chef,2.5");

    JsonNode json = new ObjectMapper().readTree(card.toJson());

    assertThat(json.get("rows").asInt(), is(2));
    assertThat(json.get("task").asText(), is("REGRESSION"));
    assertThat(json.has("classBalance"), is(false));
    JsonNode job = json.get("columns").get(0);
    assertThat(job.get("type").asText(), is("categorical"));
    assertThat(job.has("mean"), is(false));
    assertThat(job.get("topValues").get(0).get("value").asText(), is("chef"));
    JsonNode y = json.get("columns").get(1);
    assertThat(y.get("mean").asDouble(), is(2.0));
    assertThat(y.has("topValues"), is(false));
  }
}
