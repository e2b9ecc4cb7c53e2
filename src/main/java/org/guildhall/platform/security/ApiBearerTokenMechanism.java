package org.guildhall.platform.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guildhall.platform.rest.Problem;
import org.guildhall.platform.rest.ProblemType;
import org.guildhall.platform.web.RequestPaths;

/**
 * One application, two ways in. Pages use Keycloak's authorisation code flow (the decorated OpenID
 * mechanism); {@code /api/*} accepts bearer access tokens only, never the session cookie, so that API
 * calls need no CSRF defence and are never redirected to a login form.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class ApiBearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ApiBearerTokenMechanism.class.getName());
    public static final String UNAVAILABLE_PAGE = "/identity-unavailable";
    public static final String SIGN_OUT_PATH = "/signout";

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism delegate;

    @Inject
    BearerTokenValidator validator;

    @Inject
    AuthenticatedCaller caller;

    @Inject
    IdentityProviderProbe identityProvider;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (isApi(request) || hasBearer(request)) {
            // a bearer token is checked wherever it is sent: the Hub's clients send theirs to the resolve URLs
            // (which are page paths forwarded to the API); browsers never send one on their own
            return validateBearer(request, response, context);
        }
        if (isSignOut(request)) {
            // signing out needs no caller: Liberty's OpenID mechanism would start a new sign-in on this POST
            return context.doNothing();
        }
        if (!context.isProtected() && isCookieless(request)) {
            // a first visit to a public page carries no state that could sign anyone in; skipping the OpenID
            // mechanism here spares every anonymous visitor an HTTP session (and the server the work)
            return context.doNothing();
        }
        AuthenticationStatus status;
        try {
            status = delegate.validateRequest(request, response, context);
        } catch (AuthenticationException | RuntimeException e) {
            if (!identityProvider.isReachable()) {
                return identityProviderUnavailable(request, response);
            }
            throw e;
        }
        if (status == AuthenticationStatus.SEND_FAILURE && !response.isCommitted() && !identityProvider.isReachable()) {
            return identityProviderUnavailable(request, response);
        }
        return status;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        // on sign-out Guildhall redirects to Keycloak's end-session endpoint itself; the OpenID mechanism's own
        // logout would commit a redirect of its own first
        if (!isApi(request) && !hasBearer(request) && !isSignOut(request)) {
            delegate.cleanSubject(request, response, context);
        }
    }

    private AuthenticationStatus validateBearer(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return context.isProtected()
                    ? refuse(response, "Bearer realm=\"guildhall\"", "This endpoint needs a bearer access token.")
                    : context.doNothing();
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(response, "Bearer realm=\"guildhall\", error=\"invalid_request\"",
                    "Send the access token as 'Authorization: Bearer <token>'.");
        }
        try {
            // every signed-in caller is a member, whatever groups the token lists
            CallerClaims claims = validator.validate(header.substring(7).trim()).withGroup(Roles.MEMBER);
            caller.setFromBearerToken(claims);
            return context.notifyContainerAboutLogin(new CallerOnlyCredential(claims.username()).getCaller(), claims.groups());
        } catch (InvalidTokenException e) {
            return refuse(response, "Bearer realm=\"guildhall\", error=\"invalid_token\", error_description=\""
                    + e.getMessage().replace("\"", "'") + "\"", e.getMessage());
        }
    }

    private AuthenticationStatus refuse(HttpServletResponse response, String challenge, String detail) {
        try {
            response.setHeader("WWW-Authenticate", challenge);
            Problem.of(ProblemType.UNAUTHORIZED, detail).writeTo(response);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not write the 401 answer", e);
        }
        // SEND_CONTINUE, not SEND_FAILURE: the answer is complete, and the container must not go on to the
        // resource (for resources protected by @RolesAllowed only, SEND_FAILURE would let it proceed anonymously)
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus identityProviderUnavailable(HttpServletRequest request, HttpServletResponse response) {
        try {
            response.sendRedirect(request.getContextPath() + UNAVAILABLE_PAGE);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not redirect to the unavailable page", e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    static boolean isCookieless(HttpServletRequest request) {
        return request.getCookies() == null || request.getCookies().length == 0;
    }

    static boolean isSignOut(HttpServletRequest request) {
        return RequestPaths.within(request).equals(SIGN_OUT_PATH);
    }

    static boolean isApi(HttpServletRequest request) {
        return RequestPaths.isApi(RequestPaths.within(request));
    }
}
