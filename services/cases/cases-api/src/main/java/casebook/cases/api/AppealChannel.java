package casebook.cases.api;

/** Where an appeal came from: the subject in the seller/creator centre (over Kafka or its service account), or support staff. */
public enum AppealChannel {
    SUBJECT_CENTRE, SUPPORT
}
