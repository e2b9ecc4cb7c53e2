package org.guildhall.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request goes inside the application, and which part of Guildhall answers it. */
public final class RequestPaths {

    private RequestPaths() {
    }

    /** The request's path below the context root ({@code /api/v1/me}, {@code /me}). */
    public static String within(HttpServletRequest request) {
        return within(request.getRequestURI(), request.getContextPath());
    }

    public static String within(String uri, String contextPath) {
        return uri == null ? "" : uri.substring(Math.min(uri.length(), contextPath.length()));
    }

    /** Whether the path belongs to the REST API (bearer tokens, problem+json) rather than the pages. */
    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
