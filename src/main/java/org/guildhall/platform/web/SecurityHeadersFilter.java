package org.guildhall.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.guildhall.platform.security.OidcSettings;

/**
 * Security headers on every answer. Faces pages get a second, stricter Content-Security-Policy from
 * PrimeFaces (script-src with a per-request nonce, see web.xml); browsers enforce both.
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject
    OidcSettings oidc;

    private String pagePolicy;

    @Override
    public void init() throws ServletException {
        URI issuer = URI.create(oidc.getIssuer());
        String identityOrigin = issuer.getScheme() + "://" + issuer.getAuthority();
        // form-action must allow the identity provider: signing out posts a form that is redirected there
        pagePolicy = "img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self' " + identityOrigin;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPaths.within(request);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (RequestPaths.isApi(path)) {
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            response.setHeader("Cache-Control", "no-store");
        } else {
            // scripts are governed by PrimeFaces' policy on Faces pages (nonce; see primefaces.CSP_POLICY in web.xml)
            response.setHeader("Content-Security-Policy", pagePolicy);
            if (!path.startsWith("/jakarta.faces.resource/")) {
                response.setHeader("Cache-Control", "no-store");
            }
        }
        chain.doFilter(request, response);
    }
}
