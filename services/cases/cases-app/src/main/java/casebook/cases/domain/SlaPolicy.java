package casebook.cases.domain;

import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.SlaStage;

import java.time.Duration;

/**
 * How long a region gives itself, counted from a case's opening, to reach each stage of a case of a given
 * priority. Configuration, not code.
 */
public interface SlaPolicy {
    Duration target(SlaStage stage, Region region, Priority priority);
}
