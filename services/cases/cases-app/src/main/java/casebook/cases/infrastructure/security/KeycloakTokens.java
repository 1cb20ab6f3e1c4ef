package casebook.cases.infrastructure.security;

import casebook.cases.api.Actor;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.api.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Our small Keycloak adapter: the {@code roles} claim becomes Casebook roles (unknown roles are ignored),
 * the {@code regions} claim the caller's scope ({@code *} is every region; no claim is no region at all).
 * The caller is the token's {@code preferred_username}, or its {@code azp} for service accounts.
 */
@Component
public class KeycloakTokens implements Converter<Jwt, CallerAuthentication> {
    static final String ALL_REGIONS = "*";

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        return new CallerAuthentication(new Actor(userId(jwt), roles(jwt), scope(jwt)), jwt);
    }

    private static String userId(Jwt jwt) {
        String clientId = jwt.getClaimAsString("client_id");
        if (clientId != null) {
            return clientId;
        }
        String user = jwt.getClaimAsString("preferred_username");
        return user != null ? user : jwt.getClaimAsString("azp");
    }

    private static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : claim(jwt, "roles")) {
            for (Role role : Role.values()) {
                if (role.name().equals(name.toUpperCase(Locale.ROOT))) roles.add(role);
            }
        }
        return roles;
    }

    private static RegionScope scope(Jwt jwt) {
        List<String> claimed = claim(jwt, "regions");
        if (claimed.contains(ALL_REGIONS)) {
            return RegionScope.ALL;
        }
        Set<Region> regions = new HashSet<>();
        for (String code : claimed) {
            if (Region.FORMAT.matcher(code).matches()) regions.add(new Region(code));
        }
        return RegionScope.of(regions);
    }

    private static List<String> claim(Jwt jwt, String name) {
        List<String> values = jwt.getClaimAsStringList(name);
        return values == null ? List.of() : values;
    }
}
