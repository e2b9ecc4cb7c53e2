package org.guildhall.identity.web;

import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guildhall.identity.api.AccountService;
import org.guildhall.platform.security.AuthenticatedCaller;
import org.guildhall.platform.security.CallerClaims;

/**
 * Makes sure that every signed-in caller has an account: created on the first sign-in, refreshed on the
 * next ones. For a page session this happens once per session; for API calls on each call (cheap when
 * nothing changed).
 */
@WebFilter(filterName = "accountSync", urlPatterns = "/*")
public class AccountSyncFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AccountSyncFilter.class.getName());
    static final String SYNCED = AccountSyncFilter.class.getName() + ".subject";

    @Inject
    AuthenticatedCaller caller;

    @Inject
    AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            Optional<CallerClaims> claims = caller.claims();
            if (claims.isPresent()) {
                HttpSession session = request.getSession(false);
                String subject = claims.get().subject();
                if (session == null || !subject.equals(session.getAttribute(SYNCED))) {
                    sync(claims.get());
                    if (session != null) {
                        session.setAttribute(SYNCED, subject);
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    private void sync(CallerClaims claims) {
        try {
            accounts.signedIn(claims);
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            // two first requests of one new account raced; the other one created it, so this one just reads it
            LOG.log(Level.FINE, "concurrent first sign-in, retrying", e);
            accounts.signedIn(claims);
        }
    }

}
