package casebook.cases.infrastructure.security;

import casebook.cases.api.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.stream.Collectors;

/** An authenticated caller: a person or a system, with its Casebook roles and regions. */
public final class CallerAuthentication extends AbstractAuthenticationToken {
    private final Actor actor;
    private final transient Object credentials;

    public CallerAuthentication(Actor actor, Object credentials) {
        super(actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).collect(Collectors.toSet()));
        this.actor = actor;
        this.credentials = credentials;
        setAuthenticated(true);
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return credentials;
    }

    @Override
    public Object getPrincipal() {
        return actor.userId();
    }

    @Override
    public String getName() {
        return actor.userId();
    }
}
