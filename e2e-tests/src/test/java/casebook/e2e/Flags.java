package casebook.e2e;

import casebook.client.ApiException;
import casebook.client.api.CasebookApi;
import casebook.client.model.CaseEvent;
import casebook.client.model.EnforcementAction;
import casebook.client.model.Flag;
import casebook.client.model.FlagSource;
import casebook.client.model.Money;
import casebook.client.model.Recommendation;
import casebook.client.model.RiskCategory;
import casebook.client.model.Signals;
import casebook.client.model.Subject;
import casebook.client.model.SubjectKind;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flags as detection systems send them (the contract's example, with ids unique to each test so that tests share
 * the servers without seeing each other's cases).
 */
public final class Flags {
    private Flags() {
    }

    /** A fresh id with a readable prefix, unique in this run and across runs. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /** A brushing flag on seller {@code shopId} of {@code region}, with device {@code deviceId} among its signals. */
    public static Flag brushing(String shopId, String region, String deviceId) {
        return new Flag()
                .flagId(unique("brushing"))
                .source(new FlagSource().kind(FlagSource.KindEnum.MODEL).id("brushing-detector").version("3.2.0"))
                .subject(new Subject().kind(SubjectKind.SELLER).id(shopId))
                .region(region)
                .category(RiskCategory.BRUSHING)
                .score(0.91)
                .recommendation(new Recommendation().action(EnforcementAction.SUSPEND_SELLING).confidence(0.77))
                .moneyAtRisk(new Money().amount("1520.00").currency("USD"))
                .signals(new Signals()
                        .deviceIds(List.of(deviceId))
                        .ips(List.of("203.0.113.7"))
                        .paymentFingerprints(List.of(unique("pf")))
                        .linkedAccounts(List.of(unique("creator"))))
                .observedAt(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    /** A brushing flag on a new seller of {@code region}, with a new device id. */
    public static Flag brushing(String region) {
        return brushing(unique("shop"), region, unique("dev"));
    }

    /**
     * Raises {@code flag} as {@code detector} and checks, in the event store (consistent at once), that it is a first:
     * accepted as new (202, not "already raised") into a new case that holds that one flag and nothing else. Right
     * after a refused request with the same flag id and subject, this proves the refusal left nothing behind.
     */
    public static void assertRaisedAsAFirst(Flag flag, CasebookApi detector, CasebookApi reader) throws ApiException {
        var answer = detector.raiseFlagWithHttpInfo(flag, null);
        assertThat(answer.getStatusCode()).isEqualTo(202);
        List<CaseEvent> history = reader.getCaseHistory(answer.getData().getCaseId(), null, null).getEvents();
        assertThat(history).extracting(CaseEvent::getType).containsExactly("CaseOpened", "FlagAttached");
        assertThat(history.get(1).getPayload().toString()).contains(flag.getFlagId());
    }

    public static String shopOf(Flag flag) {
        return flag.getSubject().getId();
    }

    public static String deviceOf(Flag flag) {
        return flag.getSignals().getDeviceIds().get(0);
    }
}
