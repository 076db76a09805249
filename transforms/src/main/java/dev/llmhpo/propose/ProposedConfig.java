package dev.llmhpo.propose;

import java.util.Map;

/**
 * One proposed configuration: parameter name to value (Double for float, Long for int, String for categorical
 * parameters), the proposer that made it and a one-line rationale.
 */
public record ProposedConfig(Map<String, Object> params, String proposer, String rationale) {}
