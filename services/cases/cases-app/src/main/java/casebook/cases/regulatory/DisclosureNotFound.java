package casebook.cases.regulatory;

import casebook.cases.api.regulatory.DisclosureId;
import casebook.cases.domain.CaseRuleBroken;

/** The request has no disclosure package with this id: answered 404 (code {@code disclosure-unknown}). */
class DisclosureNotFound extends CaseRuleBroken {
    static final String CODE = "disclosure-unknown";

    DisclosureNotFound(DisclosureId id) {
        super(CODE, "the request has no disclosure package " + (id == null ? "" : id.value()));
    }
}
