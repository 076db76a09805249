package dev.llmhpo.propose;

import java.io.Serializable;
import java.util.Map;

/**
 * One proposed configuration: parameter name to value (Double for float, Long for int, String for categorical
 * parameters), the proposer that made it and a one-line rationale. Serialisable when its map is, as the
 * configurations a study queues travel to the workers.
 */
public record ProposedConfig(Map<String, Object> params, String proposer, String rationale) implements Serializable {}
