package dev.llmhpo.io;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.Direction;
import dev.llmhpo.schema.StudySpec;
import dev.llmhpo.schema.TaskType;
import dev.llmhpo.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class StudySpecFileTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aSpecReadsBackAsWritten() throws Exception {
    StudySpec spec =
        StudySpec.newBuilder()
            .setStudyId("s")
            .setDataSource(DataSource.newBuilder().setTrainPath("/t.csv").setTarget("y").build())
            .setTask(TaskType.BINARY)
            .setMetric("auc")
            .setDirection(Direction.MAXIMIZE)
            .setSpace(SearchSpace.xgboostDefault().params())
            .setRounds(3)
            .setTrialsPerRound(2)
            .setSeed(1)
            .setProposer("tpe")
            .build();
    Path dir = tmp.getRoot().toPath();
    StudySpecFile.write(dir, spec);
    assertThat(StudySpecFile.read(dir), equalTo(spec));
    StudySpecFile.write(dir, StudySpec.newBuilder(spec).setRounds(5).build()); // a resumed study's next run
    assertThat(StudySpecFile.read(dir).getRounds(), equalTo(5));
  }

  @Test
  public void aMissingOrBrokenFileIsNamed() throws Exception {
    Path dir = tmp.getRoot().toPath();
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> StudySpecFile.read(dir));
    assertThat(missing.getMessage(), containsString(dir.resolve("study.avro").toString()));
    Files.writeString(dir.resolve("study.avro"), "not avro");
    IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> StudySpecFile.read(dir));
    assertThat(broken.getMessage(), containsString("study.avro is unreadable"));
  }
}
