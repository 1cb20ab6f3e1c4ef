package casebook.cases.domain;

import casebook.cases.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The permission table covers every command a person sends to a case, and nobody gets a command by omission. */
class CasePermissionsTest {

    @Test
    void everyCommandOfAPersonOnACaseNamesWhoMaySendIt() {
        List<Class<?>> handled = new ArrayList<>(Stream.<Executable>concat(
                        Arrays.stream(RiskCase.class.getDeclaredMethods()),
                        Arrays.stream(RiskCase.class.getDeclaredConstructors()))
                .filter(m -> m.isAnnotationPresent(CommandHandler.class))
                .map(m -> m.getParameterTypes()[0])
                .filter(ByActor.class::isAssignableFrom)
                .toList());
        handled.add(MergeCases.class); // handled by CaseMerger through RiskCase.mergeInto/absorb

        assertThat(handled).hasSizeGreaterThanOrEqualTo(15);
        for (Class<?> command : handled) {
            @SuppressWarnings("unchecked")
            Set<Role> roles = CasePermissions.rolesFor((Class<? extends ByActor>) command);
            assertThat(roles).as(command.getSimpleName()).isNotEmpty()
                    .doesNotContain(Role.DETECTION, Role.AUDITOR, Role.ADMIN);
        }
    }

    @Test
    void aCommandMissingFromTheTableIsRefusedToEveryone() {
        record Unlisted(Actor actor) implements ByActor {
        }
        Actor everyone = new Actor("root", EnumSet.allOf(Role.class), RegionScope.ALL);

        assertThat(CasePermissions.rolesFor(Unlisted.class)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CasePermissions.require(new Unlisted(everyone)))
                .isInstanceOf(ActionNotPermitted.class);
    }
}
