package casebook.cases.api;

/** What an investigator links to a case beyond its flags' signals. */
public enum EntityKind {
    ACCOUNT, DEVICE, IP, PAYMENT_INSTRUMENT, ORDER
}
