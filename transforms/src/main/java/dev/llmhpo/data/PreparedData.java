package dev.llmhpo.data;

import dev.llmhpo.schema.DataSource;
import dev.llmhpo.schema.TaskType;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A study's data, read, checked and encoded: the training file split into train and validation parts, all of it
 * for the final model, and the test file when there is one. The encoding is fitted on the training file alone.
 * Rows whose target is missing are dropped (counted in the card's {@code rowsDropped}), not an error. The card's
 * warnings, and those about the test file, are said on the console as the data is loaded.
 */
public final class PreparedData {
  private static final Logger LOG = LoggerFactory.getLogger(PreparedData.class);

  private final Encoding encoding;
  private final DataCard card;
  private final EncodedMatrix fullTrain;
  private final EncodedMatrix train;
  private final EncodedMatrix validation;
  private final EncodedMatrix test;

  private PreparedData(
      Encoding encoding,
      DataCard card,
      EncodedMatrix fullTrain,
      EncodedMatrix train,
      EncodedMatrix validation,
      EncodedMatrix test) {
    this.encoding = encoding;
    this.card = card;
    this.fullTrain = fullTrain;
    this.train = train;
    this.validation = validation;
    this.test = test;
  }

  /**
   * Reads and encodes the source's files; throws {@link DataException} on input that cannot be used.
   *
   * @param taskOrNull the task, or null to detect it from the target ({@link TaskDetector})
   * @param validationFraction the share of training rows held out for validation, stratified by class
   * @param seed the seed of the holdout
   */
  public static PreparedData load(
      DataSource source, TaskType taskOrNull, double validationFraction, long seed) {
    ReadSettings settings = ReadSettings.of(source);
    Table trainTable = TableFiles.read(Path.of(source.getTrainPath()), settings);
    String target = source.getTarget();
    TaskType task = taskOrNull != null ? taskOrNull : TaskDetector.detectTask(trainTable, target);
    Encoding encoding = TableEncoder.fit(trainTable, target, task, source.getPositiveClass());
    EncodedMatrix fullTrain = encoding.encode(trainTable);
    Split split =
        task == TaskType.REGRESSION
            ? Splits.shuffledHoldout(fullTrain.rows(), validationFraction, seed)
            : Splits.stratifiedHoldout(fullTrain.labels(), validationFraction, seed);
    Table testTable =
        source.getTestPath() == null ? null : TableFiles.readLike(Path.of(source.getTestPath()), trainTable, settings);
    DataCard card = DataCards.describe(trainTable, encoding);
    card.warnings().forEach(warning -> LOG.warn("{}", warning.message()));
    if (testTable != null) {
      testTable.warnings().forEach(warning -> LOG.warn("{}", warning.message()));
    }
    return new PreparedData(
        encoding,
        card,
        fullTrain,
        fullTrain.rows(split.train()),
        fullTrain.rows(split.validation()),
        testTable == null ? null : encoding.encode(testTable));
  }

  /** The training rows outside the validation part. */
  public EncodedMatrix train() {
    return train;
  }

  /** The held-out part of the training file, for early stopping and comparing trials. */
  public EncodedMatrix validation() {
    return validation;
  }

  /** Every training row, for the final model. */
  public EncodedMatrix fullTrain() {
    return fullTrain;
  }

  /** The test file encoded like the training file, or null when the source has no test file. */
  public EncodedMatrix test() {
    return test;
  }

  public DataCard card() {
    return card;
  }

  public TaskType task() {
    return encoding.task();
  }

  /** How features and labels were encoded: feature names and types, and class names by label. */
  public Encoding encoding() {
    return encoding;
  }
}
