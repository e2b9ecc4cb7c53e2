package org.guildhall.platform.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds request bodies of the API: a body larger than {@code guildhall.api.max-body-bytes} is refused
 * with 413 before it is read. Endpoints that stream uploads set their own, larger bound.
 */
@Provider
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "guildhall.api.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean streams = resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(LargeBody.class);
        if (!streams && request.getLength() > maxBodyBytes) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body has " + request.getLength() + " bytes; this endpoint accepts at most " + maxBodyBytes + ".");
        }
    }
}
