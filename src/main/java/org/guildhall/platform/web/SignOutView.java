package org.guildhall.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guildhall.platform.security.IdentityProviderProbe;
import org.guildhall.platform.security.OidcSettings;

/**
 * Signing out ends both sessions: Guildhall's, and Keycloak's through its end-session endpoint (with the
 * ID token as hint), which then sends the browser back to the home page. A POST from the user menu.
 */
@Named
@RequestScoped
public class SignOutView {
    private static final Logger LOG = Logger.getLogger(SignOutView.class.getName());

    @Inject
    OidcSettings oidc;

    @Inject
    Instance<OpenIdContext> openIdContext;

    @Inject
    IdentityProviderProbe identityProvider;

    public void signOut() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String idToken = null;
        try {
            idToken = openIdContext.get().getIdentityToken().getToken();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no OpenID context to sign out of", e);
        }
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.log(Level.WARNING, "container sign-out failed", e);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String home = baseUrl(request) + "/";
        if (idToken == null || !identityProvider.isReachable()) {
            external.redirect(home);
        } else {
            external.redirect(oidc.endSessionUri() + "?client_id=" + enc(oidc.getClientId()) + "&id_token_hint=" + enc(idToken)
                    + "&post_logout_redirect_uri=" + enc(home));
        }
        faces.responseComplete();
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
