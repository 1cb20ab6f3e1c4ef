package casebook.cases.api;

/** How an appeal ended, over all the decision's actions. */
public enum AppealOutcome {
    UPHELD, OVERTURNED, PARTIALLY_OVERTURNED
}
