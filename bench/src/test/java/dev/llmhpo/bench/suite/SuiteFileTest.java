package dev.llmhpo.bench.suite;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.data.DataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SuiteFileTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private Path file(String yaml) throws Exception {
    Path file = tmp.getRoot().toPath().resolve("suite.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  public void readsTablesAndArmsRelativeToItsDataRoot() throws Exception {
    SuiteFile suite = SuiteFile.read(file(String.join("\n",
        "dataRoot: tables",
        "tables:",
        "  - name: churn",
        "    train: churn/all.csv",
        "    target: churned",
        "    drop: [customer_id]",
        "  - name: sales",
        "    train: sales/train.csv",
        "    test: sales/test.csv",
        "    target: amount",
        "    task: regression",
        "    metric: rmse",
        "arms:",
        "  - name: tpe-20",
        "    options: [--proposer=tpe, --tpeStartupTrials=20]",
        "  - name: my-llm",
        "    options: [--proposer=llm-tpe]",
        "    trials: 10",
        "")));
    Path root = tmp.getRoot().toPath().resolve("tables");
    SuiteTable churn = suite.tables().get("churn");
    assertThat(churn.train(), equalTo(root.resolve("churn/all.csv")));
    assertThat(churn.split(), equalTo(SuiteTable.Split.STRATIFIED));
    assertThat(churn.drop(), equalTo(List.of("customer_id")));
    assertThat(churn.task(), equalTo("auto"));
    SuiteTable sales = suite.tables().get("sales");
    assertThat(sales.split(), equalTo(SuiteTable.Split.FILE));
    assertThat(sales.metric(), equalTo("rmse"));
    assertThat(suite.arms().get("tpe-20").options(), equalTo(List.of("--proposer=tpe", "--tpeStartupTrials=20")));
    assertThat(suite.arms().get("tpe-20").needsLlm(), equalTo(false));
    assertThat(suite.arms().get("my-llm").needsLlm(), equalTo(true));
    assertThat(suite.arms().get("my-llm").trials(50), equalTo(10));
  }

  @Test
  public void mistakesNameTheFileLineOrTable() throws Exception {
    DataException unknownKey = assertThrows(DataException.class, () -> SuiteFile.read(file(
        "tables:\n  - name: t\n    train: a.csv\n    target: y\n    traget: z\n")));
    assertThat(unknownKey.getMessage(), allOf(containsString("suite.yaml, tables[0].traget, near line"), containsString("Unrecognized field \"traget\"")));
    DataException noTarget = assertThrows(DataException.class, () -> SuiteFile.read(file(
        "tables:\n  - name: t\n    train: a.csv\n")));
    assertThat(noTarget.getMessage(), containsString("table t has no 'target'"));
    DataException badSplit = assertThrows(DataException.class, () -> SuiteFile.read(file(
        "tables:\n  - name: t\n    train: a.csv\n    target: y\n    split: shuffled\n")));
    assertThat(badSplit.getMessage(), containsString("split 'shuffled' is not one of"));
    DataException badOption = assertThrows(DataException.class, () -> SuiteFile.read(file(
        "arms:\n  - name: a\n    options: [proposer=tpe]\n")));
    assertThat(badOption.getMessage(), containsString("arm a: 'proposer=tpe' is not of the form --name=value"));
  }
}
