package org.guildhall.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Pages sign in through Keycloak with the authorisation code flow. The REST API is served by
 * {@link ApiBearerTokenMechanism}, which decorates this mechanism and accepts bearer tokens only.
 */
@ApplicationScoped
@DeclareRoles({Roles.MEMBER, Roles.CONTRIBUTOR, Roles.BUYER, Roles.MODERATOR, Roles.ADMIN})
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.issuer}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${baseURL}/Callback",
        redirectToOriginalResource = true,
        scope = {"openid", "profile", "email"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"))
public class SecurityConfiguration {
}
