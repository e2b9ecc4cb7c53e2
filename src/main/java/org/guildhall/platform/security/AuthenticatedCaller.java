package org.guildhall.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The caller of the current request as the identity provider describes them: set by the bearer-token
 * mechanism for API calls, read from the OpenID context for signed-in page requests.
 */
@RequestScoped
public class AuthenticatedCaller {

    private static final Logger LOG = Logger.getLogger(AuthenticatedCaller.class.getName());

    @Inject
    SecurityContext security;

    @Inject
    Instance<OpenIdContext> openIdContext;

    private CallerClaims fromBearer;

    void setFromBearerToken(CallerClaims claims) {
        this.fromBearer = claims;
    }

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public boolean isInRole(String role) {
        return security.isCallerInRole(role);
    }

    /** Guildhall's roles that the caller has (a subset of {@link Roles#ALL}). */
    public Set<String> roles() {
        return Roles.ALL.stream().filter(security::isCallerInRole).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The claims of the signed-in caller, or empty for an anonymous visitor. */
    public Optional<CallerClaims> claims() {
        if (fromBearer != null) {
            return Optional.of(fromBearer);
        }
        if (!isSignedIn()) {
            return Optional.empty();
        }
        try {
            OpenIdContext oidc = openIdContext.get();
            // the ID token's claims: Liberty's OpenIdContext leaves getClaims() (userinfo) empty
            JwtClaims c = oidc.getIdentityToken().getJwtClaims();
            String username = c.getStringClaim("preferred_username").orElse(security.getCallerPrincipal().getName());
            Set<String> groups = roles();
            String subject = c.getSubject().orElseGet(oidc::getSubject);
            return Optional.of(new CallerClaims(subject, username, c.getStringClaim("email").orElse(""),
                    c.getStringClaim("name").orElse(""), groups));
        } catch (RuntimeException notAnOpenIdSession) {
            LOG.log(Level.WARNING, "signed in, but not through OpenID Connect: no claims", notAnOpenIdSession);
            return Optional.empty();
        }
    }
}
