package casebook.cases.flag;

import casebook.cases.infrastructure.web.FieldErrors;
import casebook.cases.web.model.EnforcementAction;
import casebook.cases.web.model.Flag;
import casebook.cases.web.model.FlagSource;
import casebook.cases.web.model.Money;
import casebook.cases.web.model.Recommendation;
import casebook.cases.web.model.RiskCategory;
import casebook.cases.web.model.Signals;
import casebook.cases.web.model.Subject;
import casebook.cases.web.model.SubjectKind;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka intake's fast check of a flag gives exactly bean validation's answer (the spec's rules, generated onto
 * the model): on hand-picked boundaries of every rule, and on thousands of flags whose properties - found by
 * reflection, so a field added to the spec is covered too - take random interesting values.
 */
class FlagContractTest {
    static final jakarta.validation.ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();
    static final List<Class<?>> MODEL = List.of(Flag.class, FlagSource.class, Subject.class, Recommendation.class,
            Money.class, Signals.class);

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    static Flag valid() {
        return new Flag("brushing-7f3a9c1e", new FlagSource(FlagSource.KindEnum.MODEL, "brushing-detector", "3.2.0"),
                new Subject(SubjectKind.SELLER, "shop-118822"), "SEA", RiskCategory.BRUSHING, 0.91,
                OffsetDateTime.parse("2026-11-20T08:15:00Z"))
                .recommendation(new Recommendation(EnforcementAction.SUSPEND_SELLING, 0.77))
                .moneyAtRisk(new Money("1520.00", "USD"))
                .signals(new Signals().deviceIds(new ArrayList<>(List.of("dev-a1"))).ips(new ArrayList<>(List.of("203.0.113.7")))
                        .paymentFingerprints(new ArrayList<>(List.of("pf-99")))
                        .linkedAccounts(new ArrayList<>(List.of("creator-55"))));
    }

    @Test
    void theContractsExampleHoldsAndSoDoesAFlagWithOnlyTheRequiredFields() {
        Flag minimal = valid().recommendation(null).moneyAtRisk(null).signals(null);

        assertThat(FlagContract.holds(valid())).isTrue();
        assertThat(FlagContract.holds(minimal)).isTrue();
        assertThat(VALIDATOR.validate(minimal)).isEmpty();
    }

    @Test
    void agreesWithBeanValidationOnTheBoundaryOfEveryRule() {
        List<Consumer<Flag>> changes = List.of(
                f -> f.setFlagId(null), f -> f.setFlagId(""), f -> f.setFlagId("a"), f -> f.setFlagId("-a"),
                f -> f.setFlagId("a" + "b".repeat(127)), f -> f.setFlagId("a" + "b".repeat(128)),
                f -> f.setFlagId("a.b_c:d-e"), f -> f.setFlagId("a b"), f -> f.setFlagId("a/b"), f -> f.setFlagId("a\n"),
                f -> f.setSource(null), f -> f.getSource().setKind(null), f -> f.getSource().setId(""),
                f -> f.getSource().setId("x".repeat(128)), f -> f.getSource().setId("x".repeat(129)),
                f -> f.getSource().setVersion(null), f -> f.getSource().setVersion("v".repeat(64)),
                f -> f.getSource().setVersion("v".repeat(65)),
                f -> f.setSubject(null), f -> f.getSubject().setKind(null), f -> f.getSubject().setId(null),
                f -> f.getSubject().setId(""), f -> f.getSubject().setId("s".repeat(128)),
                f -> f.getSubject().setId("s".repeat(129)),
                f -> f.setRegion(null), f -> f.setRegion("S"), f -> f.setRegion("US"), f -> f.setRegion("ABCDEFGH"),
                f -> f.setRegion("ABCDEFGHI"), f -> f.setRegion("sea"), f -> f.setRegion("SE1"),
                f -> f.setCategory(null),
                f -> f.setScore(null), f -> f.setScore(0.0), f -> f.setScore(-0.0), f -> f.setScore(1.0),
                f -> f.setScore(-1e-9), f -> f.setScore(1.0000001), f -> f.setScore(Double.NaN),
                f -> f.setScore(Double.POSITIVE_INFINITY),
                f -> f.getRecommendation().setAction(null), f -> f.getRecommendation().setConfidence(null),
                f -> f.getRecommendation().setConfidence(1.5), f -> f.getRecommendation().setConfidence(0.0),
                f -> f.getMoneyAtRisk().setAmount(null), f -> f.getMoneyAtRisk().setAmount("0"),
                f -> f.getMoneyAtRisk().setAmount("01"), f -> f.getMoneyAtRisk().setAmount("1.12345"),
                f -> f.getMoneyAtRisk().setAmount("123456789012345.1234"),
                f -> f.getMoneyAtRisk().setAmount("1234567890123456"), f -> f.getMoneyAtRisk().setAmount("-1"),
                f -> f.getMoneyAtRisk().setAmount("1."), f -> f.getMoneyAtRisk().setCurrency("usd"),
                f -> f.getMoneyAtRisk().setCurrency("USDT"), f -> f.getMoneyAtRisk().setCurrency(null),
                f -> f.getSignals().setDeviceIds(null), f -> f.getSignals().setIps(new ArrayList<>()),
                f -> f.getSignals().setIps(new ArrayList<>(Collections.nCopies(100, "203.0.113.7"))),
                f -> f.getSignals().setIps(new ArrayList<>(Collections.nCopies(101, "203.0.113.7"))),
                f -> f.getSignals().setPaymentFingerprints(new ArrayList<>(List.of(""))),
                f -> f.getSignals().setPaymentFingerprints(new ArrayList<>(List.of("p".repeat(256)))),
                f -> f.getSignals().setLinkedAccounts(new ArrayList<>(List.of("p".repeat(257)))),
                f -> f.getSignals().setLinkedAccounts(new ArrayList<>(Collections.singletonList(null))),
                f -> f.getSignals().setIps(new ArrayList<>(Arrays.asList("203.0.113.7", null))),
                f -> f.getSubject().setId("shop\u0000"), f -> f.getSource().setId("rule\u001f"),
                f -> f.getSource().setVersion("1\u007f"), f -> f.getSignals().setDeviceIds(new ArrayList<>(List.of("d\n"))),
                f -> f.getSubject().setId("shop-\ud83d\ude00"), f -> f.getSubject().setId("shop-\ud83d"),
                f -> f.getSignals().setLinkedAccounts(new ArrayList<>(List.of("\ude00x"))),
                f -> f.setObservedAt(null));
        int valid = 0;
        for (Consumer<Flag> change : changes) {
            Flag flag = valid();
            change.accept(flag);
            valid += agree(flag) ? 1 : 0;
        }
        assertThat(valid).as("boundaries on both sides of the rules").isBetween(15, changes.size() - 30);
    }

    @Test
    void agreesWithBeanValidationOnRandomFlags() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        int valid = 0;
        int flags = 3_000;
        for (int i = 0; i < flags; i++) {
            Flag flag = valid();
            mutate(flag, random, 0.15);
            valid += agree(flag) ? 1 : 0;
        }
        assertThat(valid).as("random flags on both sides of the rules").isBetween(flags / 20, flags - flags / 20);
    }

    @Test
    void refusalsNameTheFieldsBeanValidationCannotCheck() {
        Flag flag = valid();
        flag.getSignals().setIps(new ArrayList<>(Arrays.asList("203.0.113.7", null)));
        flag.getSubject().setId("shop-\ud83d");

        assertThat(FlagContract.refusals(flag, VALIDATOR)).extracting(FieldErrors.FieldError::field)
                .containsExactlyInAnyOrder("signals.ips[1]", "subject.id");
    }

    @Test
    void aNulInATextFieldIsRefusedNamingTheField() {
        Flag flag = valid();
        flag.getSubject().setId("shop\u0000");

        assertThat(FlagContract.refusals(flag, VALIDATOR)).extracting(FieldErrors.FieldError::field)
                .containsExactly("subject.id");
    }

    /** Asserts that both give the same answer and returns it. */
    private static boolean agree(Flag flag) {
        boolean valid = FlagContract.refusals(flag, VALIDATOR).isEmpty();
        assertThat(FlagContract.holds(flag)).as("fast check of %s", flag).isEqualTo(valid);
        return valid;
    }

    /** Sets each property of the model tree to a random interesting value with the given probability. */
    private static void mutate(Object bean, SplittableRandom random, double probability) throws Exception {
        for (Method setter : bean.getClass().getMethods()) {
            if (!setter.getName().startsWith("set") || setter.getParameterCount() != 1) continue;
            Method getter = bean.getClass().getMethod("get" + setter.getName().substring(3));
            Object current = getter.invoke(bean);
            Class<?> type = setter.getParameterTypes()[0];
            if (MODEL.contains(type) && current != null) {
                if (random.nextDouble() < probability / 2) setter.invoke(bean, (Object) null);
                else mutate(current, random, probability);
                continue;
            }
            if (random.nextDouble() >= probability) continue;
            setter.invoke(bean, value(type, setter, random));
        }
    }

    private static Object value(Class<?> type, Method setter, SplittableRandom random) {
        if (type == String.class) return string(random);
        if (type == Double.class) {
            double[] values = {-0.5, -1e-12, 0, 0.5, 1, 1 + 1e-12, 7, Double.NaN};
            return random.nextInt(10) == 0 ? null : values[random.nextInt(values.length)];
        }
        if (type == OffsetDateTime.class) return random.nextBoolean() ? null : OffsetDateTime.parse("2026-01-01T00:00:00Z");
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return random.nextInt(4) == 0 ? null : constants[random.nextInt(constants.length)];
        }
        if (type == List.class) {
            var element = ((ParameterizedType) setter.getGenericParameterTypes()[0]).getActualTypeArguments()[0];
            assertThat(element.getTypeName()).as("list of %s", setter).contains("String");
            if (random.nextInt(6) == 0) return null;
            int[] sizes = {0, 1, 3, 99, 100, 101};
            List<String> values = new ArrayList<>();
            int size = sizes[random.nextInt(sizes.length)];
            boolean uniform = random.nextBoolean();
            String first = string(random);
            for (int i = 0; i < size; i++) values.add(uniform ? first : string(random));
            return values;
        }
        throw new AssertionError("no random values for " + type + " of " + setter + ": teach this test the new type");
    }

    private static String string(SplittableRandom random) {
        String[] values = {null, "", "a", "A", "SEA", "US", "ABCDEFGH", "ABCDEFGHI", "sea", "USD", "usd", "EURO",
                "0", "01", "1520.00", "1.12345", "123456789012345", "1234567890123456", "a.b_c:d-e", "-a", "a b",
                "x".repeat(64), "x".repeat(65), "x".repeat(128), "x".repeat(129), "x".repeat(256), "x".repeat(257),
                "ü", "\u0000"};
        return values[random.nextInt(values.length)];
    }
}
