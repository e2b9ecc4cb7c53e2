package org.guildhall.platform.security;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the signed-in member's ID token in their session, for the {@code id_token_hint} of signing out.
 * Liberty's OpenID mechanism does not establish the caller on every POST, so the sign-out request cannot
 * count on the OpenID context; the session cookie it does carry.
 */
@WebFilter(filterName = "idTokenKeeper", urlPatterns = "/*")
public class IdTokenKeeper extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(IdTokenKeeper.class.getName());
    public static final String ID_TOKEN = IdTokenKeeper.class.getName() + ".idToken";

    @Inject
    Instance<OpenIdContext> openIdContext;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !ApiBearerTokenMechanism.isApi(request)) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(ID_TOKEN) == null) {
                try {
                    session.setAttribute(ID_TOKEN, openIdContext.get().getIdentityToken().getToken());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "no ID token to keep", e);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
