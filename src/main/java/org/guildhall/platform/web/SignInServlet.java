package org.guildhall.platform.web;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.guildhall.platform.security.Roles;

/**
 * {@code /signin?next=/some/page}: a protected address, so reaching it makes the OpenID mechanism sign the
 * visitor in; once signed in it sends them back to where they were (a local path only, never another site).
 */
@WebServlet(urlPatterns = "/signin")
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.MEMBER))
public class SignInServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + safeLocalPath(request.getParameter("next")));
    }

    static String safeLocalPath(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            return "/";
        }
        return next;
    }
}
