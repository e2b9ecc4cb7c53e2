package org.guildhall.identity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guildhall.identity.api.AccountPage;
import org.guildhall.identity.api.AccountService;
import org.guildhall.platform.rest.ProblemException;
import org.guildhall.platform.rest.ProblemType;
import org.guildhall.platform.security.Roles;

/** The operator's view of all accounts. */
@Path("/accounts")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
@SecurityRequirement(name = "bearer")
public class AccountsResource {

    static final int MAX_LIMIT = 200;

    @Inject
    AccountService accounts;

    @GET
    @Operation(summary = "All accounts, newest first (admins only)")
    @APIResponse(responseCode = "200", description = "A page of accounts")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    public AccountPage list(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    "offset must be 0 or more and limit between 1 and " + MAX_LIMIT + ".");
        }
        return accounts.list(offset, limit);
    }
}
