package casebook.cases.domain;

import casebook.cases.api.Region;
import casebook.cases.api.SubjectKind;

import java.time.Duration;
import java.time.Period;

/**
 * How long a subject may appeal a decision, per region and subject kind (DSA Art. 20: at least six months after
 * being told), and how long the region gives itself to review an appeal. Configuration, not code.
 */
public interface AppealPolicy {
    Period window(Region region, SubjectKind kind);

    Duration reviewTarget(Region region);
}
