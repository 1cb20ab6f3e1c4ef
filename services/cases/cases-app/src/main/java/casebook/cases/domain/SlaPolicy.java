package casebook.cases.domain;

import casebook.cases.api.Priority;
import casebook.cases.api.Region;

import java.time.Duration;

/** How long a region gives itself to pick up a case of a given priority. Configuration, not code. */
public interface SlaPolicy {
    Duration timeToFirstAssignment(Region region, Priority priority);
}
