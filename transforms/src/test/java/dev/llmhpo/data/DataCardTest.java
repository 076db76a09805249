package dev.llmhpo.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

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
    Table table = CsvFiles.read(CsvFiles.write(folder, "train.csv", lines));
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
    assertThat(card.positiveClass(), is("yes"));
  }

  @Test
  public void multiclassCardsCountEveryClass() throws IOException {
    DataCard card = card(TaskType.MULTICLASS, "x,y", "1,b", "2,a", "3,c", "4,a", "5,?");

    assertThat(card.classBalance().keySet(), contains("a", "b", "c"));
    assertThat(card.classBalance().get("a"), is(new DataCard.Count(2, 0.5)));
    assertThat(card.targetSummary(), is(nullValue()));
    assertThat(card.positiveClass(), is(nullValue()));
  }

  @Test
  public void regressionCardsSummariseTheTarget() throws IOException {
    DataCard card = card(TaskType.REGRESSION, "x,y", "1,4", "2,1", "3,?", "4,3", "5,2", "6,10");

    // values 1 2 3 4 10: mean 4, population variance (9+4+1+0+36)/5 = 10, std 3.16228 to six digits;
    // quartiles at ranks 1, 2 and 3
    assertThat(card.targetSummary(), is(new DataCard.TargetSummary(4, 3.16228, 1, 2, 3, 4, 10)));
    assertThat(card.classBalance(), is(nullValue()));
  }

  @Test
  public void quantilesInterpolateBetweenRanks() {
    assertThat(DataCards.quantile(new double[] {1, 2, 3, 4}, 0.5), is(2.5));
    assertThat(DataCards.quantile(new double[] {1, 2, 3, 4}, 0.25), is(1.75));
    assertThat(DataCards.quantile(new double[] {7}, 0.75), is(7.0));
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
    assertThat(json.get("targetSummary").get("median").asDouble(), is(2.0));
    JsonNode job = json.get("columns").get(0);
    assertThat(job.get("type").asText(), is("categorical"));
    assertThat(job.has("mean"), is(false));
    assertThat(job.get("topValues").get(0).get("value").asText(), is("chef"));
    JsonNode y = json.get("columns").get(1);
    assertThat(y.get("mean").asDouble(), is(2.0));
    assertThat(y.has("topValues"), is(false));
  }
}
