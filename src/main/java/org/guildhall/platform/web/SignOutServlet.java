package org.guildhall.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guildhall.platform.security.ApiBearerTokenMechanism;
import org.guildhall.platform.security.IdTokenKeeper;
import org.guildhall.platform.security.IdentityProviderProbe;
import org.guildhall.platform.security.OidcSettings;

/**
 * {@code POST /signout} ends both sessions: Guildhall's, and Keycloak's through its end-session endpoint
 * (with the ID token as hint), which then sends the browser back to the home page. POST only, and only
 * from Guildhall's own pages (Origin checked; the session cookie is SameSite=Lax besides).
 */
@WebServlet(urlPatterns = ApiBearerTokenMechanism.SIGN_OUT_PATH)
public class SignOutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SignOutServlet.class.getName());

    @Inject
    OidcSettings oidc;

    @Inject
    IdentityProviderProbe identityProvider;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String home = baseUrl(request) + "/";
        if (!sameOrigin(request, home)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        HttpSession session = request.getSession(false);
        String idToken = session == null ? null : (String) session.getAttribute(IdTokenKeeper.ID_TOKEN);
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.log(Level.WARNING, "container sign-out failed", e);
        }
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                LOG.log(Level.FINE, "session already ended", alreadyInvalidated);
            }
        }
        boolean endIdentityProviderSession = idToken != null && identityProvider.isReachable();
        LOG.info(() -> "Sign-out" + (endIdentityProviderSession ? " (ending the identity provider's session too)"
                : " (Guildhall session only: " + (idToken == null ? "no ID token kept" : "identity provider unreachable") + ")"));
        if (!endIdentityProviderSession) {
            response.sendRedirect(home);
        } else {
            response.sendRedirect(oidc.endSessionUri() + "?client_id=" + enc(oidc.getClientId()) + "&id_token_hint="
                    + enc(idToken) + "&post_logout_redirect_uri=" + enc(home));
        }
    }

    static boolean sameOrigin(HttpServletRequest request, String home) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        URI expected = URI.create(home);
        return origin.equals(expected.getScheme() + "://" + expected.getRawAuthority());
    }

    private String baseUrl(HttpServletRequest request) {
        return oidc.getPublicBaseUrl().orElseGet(() -> {
            String scheme = request.getScheme();
            int port = request.getServerPort();
            boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
