package casebook.cases.flag;

import casebook.cases.api.EnforcementAction;
import casebook.cases.api.Flag;
import casebook.cases.api.FlagId;
import casebook.cases.api.FlagSource;
import casebook.cases.api.Money;
import casebook.cases.api.Recommendation;
import casebook.cases.api.Region;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import casebook.cases.api.SubjectKind;
import casebook.cases.api.SubjectRef;

import java.math.BigDecimal;

/** The one mapping from the flag contract (api-specs, REST body and Kafka value alike) to the domain's flag. */
final class FlagRequests {
    private FlagRequests() {
    }

    static Flag toFlag(casebook.cases.web.model.Flag body) {
        var source = body.getSource();
        var subject = body.getSubject();
        return new Flag(
                new FlagId(body.getFlagId()),
                new FlagSource(FlagSource.Kind.valueOf(source.getKind().getValue()), source.getId(), source.getVersion()),
                new SubjectRef(SubjectKind.valueOf(subject.getKind().getValue()), subject.getId()),
                new Region(body.getRegion()),
                RiskCategory.valueOf(body.getCategory().getValue()),
                BigDecimal.valueOf(body.getScore()),
                body.getRecommendation() == null ? null : new Recommendation(
                        EnforcementAction.valueOf(body.getRecommendation().getAction().getValue()),
                        BigDecimal.valueOf(body.getRecommendation().getConfidence())),
                body.getMoneyAtRisk() == null ? null : new Money(
                        new BigDecimal(body.getMoneyAtRisk().getAmount()), body.getMoneyAtRisk().getCurrency()),
                body.getSignals() == null ? Signals.NONE : new Signals(body.getSignals().getDeviceIds(),
                        body.getSignals().getIps(), body.getSignals().getPaymentFingerprints(),
                        body.getSignals().getLinkedAccounts()),
                body.getObservedAt().toInstant());
    }
}
