package org.guildhall.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guildhall.platform.rest.Causes;
import org.guildhall.platform.rest.Problem;
import org.guildhall.platform.rest.ProblemMappers;
import org.guildhall.platform.rest.ProblemType;

/**
 * Where the container sends every error (web.xml). API addresses get problem+json; pages get the error
 * page of the status, in the portal's layout. Never a stack trace.
 */
@WebServlet(urlPatterns = "/error")
public class ErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Integer status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int code = status == null ? 500 : status;
        if (response.isCommitted()) {
            // the answer is already on its way (e.g. the 401 of a refused bearer token): nothing to add
            LOG.log(Level.FINE, "error after the response was committed on " + uri, error);
            return;
        }
        if (error != null && isViewExpired(error)) {
            code = 440;
        } else if (error != null && isMissingFile(error)) {
            code = 404;
        } else if (error != null && isMalformedAddress(error)) {
            code = 400;
        } else if (error != null) {
            String incident = UUID.randomUUID().toString();
            request.setAttribute("guildhall.incident", incident);
            LOG.log(Level.SEVERE, "Unexpected failure on " + uri + ", incident " + incident, error);
            code = 500;
        }
        if (RequestPaths.isApi(RequestPaths.within(uri, request.getContextPath()))) {
            String detail = code == 400 && error != null
                    ? "The address contains characters that are not allowed (such as an encoded dot or slash); send the path as is."
                    : ProblemMappers.detailFor(code);
            Problem.of(ProblemType.forStatus(code), detail).at(uri).writeTo(response);
            return;
        }
        String page = switch (code) {
            case 404, 400 -> "/errors/404.xhtml";
            case 401, 402, 403 -> "/errors/403.xhtml";
            case 440 -> "/errors/expired.xhtml";
            default -> "/errors/500.xhtml";
        };
        response.setStatus(code == 440 ? 400 : code);
        request.getRequestDispatcher(page).forward(request, response);
    }

    // Liberty reports a missing file (and any /WEB-INF/ address) as SRVE0190E
    private static boolean isMissingFile(Throwable t) {
        return Causes.any(t, e -> e instanceof java.io.FileNotFoundException || String.valueOf(e.getMessage()).startsWith("SRVE0190E"));
    }

    // Liberty refuses addresses with encoded dots and similar tricks itself (CWWWC0005I); that is the client's fault
    private static boolean isMalformedAddress(Throwable t) {
        return Causes.any(t, e -> String.valueOf(e.getMessage()).startsWith("CWWWC0005I"));
    }

    private static boolean isViewExpired(Throwable t) {
        return Causes.any(t, jakarta.faces.application.ViewExpiredException.class::isInstance);
    }
}
