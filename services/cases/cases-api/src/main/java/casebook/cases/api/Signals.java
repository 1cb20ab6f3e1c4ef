package casebook.cases.api;

import java.util.List;

/** The identifiers a detection saw; shared signals are how analysts find rings. Never logged. */
public record Signals(@PersonalData List<String> deviceIds, @PersonalData List<String> ips,
                      @PersonalData List<String> paymentFingerprints, @PersonalData List<String> linkedAccounts) {
    public static final Signals NONE = new Signals(List.of(), List.of(), List.of(), List.of());

    public Signals {
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
        ips = ips == null ? List.of() : List.copyOf(ips);
        paymentFingerprints = paymentFingerprints == null ? List.of() : List.copyOf(paymentFingerprints);
        linkedAccounts = linkedAccounts == null ? List.of() : List.copyOf(linkedAccounts);
    }
}
