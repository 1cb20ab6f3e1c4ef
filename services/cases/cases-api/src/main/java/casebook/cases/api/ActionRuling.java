package casebook.cases.api;

/** The reviewer's ruling on one action of the appealed decision. */
public record ActionRuling(ActionId actionId, Ruling ruling) {
}
