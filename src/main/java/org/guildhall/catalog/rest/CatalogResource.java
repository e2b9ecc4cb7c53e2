package org.guildhall.catalog.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guildhall.catalog.api.AssetDetails;
import org.guildhall.catalog.api.DownloadLinks;
import org.guildhall.catalog.api.SignedLink;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.api.DatasetPreview;
import org.guildhall.catalog.api.Lineage;
import org.guildhall.catalog.api.SearchFacet;
import org.guildhall.catalog.api.SearchQuery;
import org.guildhall.catalog.api.SearchResult;
import org.guildhall.catalog.api.SearchSort;
import org.guildhall.catalog.api.UploadedFile;
import org.guildhall.catalog.api.VersionDetails;
import org.guildhall.catalog.api.VersionInfo;
import org.guildhall.catalog.application.Actors;
import org.guildhall.platform.rest.LargeBody;
import org.guildhall.platform.rest.ProblemException;
import org.guildhall.platform.rest.ProblemType;
import org.guildhall.platform.security.Roles;

/**
 * The catalogue's REST API: search, assets, versions, files (streamed both ways), publishing and likes.
 * Assets are addressed as on the Hub: {@code /models/{owner}/{name}} and {@code /datasets/{owner}/{name}}.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class CatalogResource {

    static final String KINDS = "{kinds: models|datasets}";
    static final String ASSET = KINDS + "/{owner}/{name}";
    private static final Pattern CONTENT_DIGEST = Pattern.compile("(?:^|,)\\s*sha-256\\s*=\\s*:([A-Za-z0-9+/=]+):");

    /** The body of {@code POST /assets}. */
    public record NewAsset(String kind, String name, String summary) {
    }

    /** The body of {@code PATCH} on an asset. */
    public record AssetPatch(String summary) {
    }

    /** The body of {@code POST …/draft/publish}. */
    public record PublishRequest(String tag) {
    }

    @Inject
    CatalogService catalog;

    @Inject
    Actors actors;

    @Inject
    FileResponses files;

    @Inject
    DownloadLinks links;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @GET
    @Path("search")
    @PermitAll
    @Operation(summary = "Search datasets and models, with facet counts",
            description = "Free text over name, summary and card. Facet filters may repeat (values of one facet are OR-ed, "
                    + "facets AND-ed); a facet's counts ignore its own filter.")
    @APIResponse(responseCode = "200", description = "A page of results with the total and the facet counts")
    public SearchResult search(@QueryParam("q") String q, @QueryParam("kind") List<String> kind,
            @QueryParam("task") List<String> task, @QueryParam("license") List<String> license,
            @QueryParam("language") List<String> language, @QueryParam("tag") List<String> tag,
            @QueryParam("owner") List<String> owner,
            @Parameter(description = "relevance, trending, downloads, likes or updated") @QueryParam("sort") String sort,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("20") int limit) {
        Map<SearchFacet, Set<String>> filters = new EnumMap<>(SearchFacet.class);
        filters.put(SearchFacet.KIND, Set.copyOf(kind.stream().map(k -> AssetKind.parse(k).orElseThrow(() ->
                new ProblemException(ProblemType.BAD_REQUEST, "kind must be model or dataset, not '" + k + "'."))).map(Enum::name).toList()));
        filters.put(SearchFacet.TASK, Set.copyOf(task));
        filters.put(SearchFacet.LICENSE, Set.copyOf(license));
        filters.put(SearchFacet.LANGUAGE, Set.copyOf(language));
        filters.put(SearchFacet.TAG, Set.copyOf(tag));
        filters.put(SearchFacet.OWNER, Set.copyOf(owner));
        SearchSort order = null;
        if (sort != null && !sort.isBlank()) {
            try {
                order = SearchSort.valueOf(sort.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemType.BAD_REQUEST,
                        "sort must be one of relevance, trending, downloads, likes, updated; not '" + sort + "'.");
            }
        }
        if (offset < 0 || offset > 10_000 || limit < 1 || limit > SearchQuery.MAX_LIMIT) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    "offset must be 0 to 10000 and limit 1 to " + SearchQuery.MAX_LIMIT + ".");
        }
        return catalog.search(new SearchQuery(q, filters, order, offset, limit));
    }

    @POST
    @Path("assets")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a dataset or model owned by the caller; it stays private until its first version is published")
    @APIResponse(responseCode = "201", description = "Created; Location is the asset")
    @APIResponse(responseCode = "409", description = "The caller already has an asset of that kind and name")
    @APIResponse(responseCode = "422", description = "Invalid kind, name or summary")
    public Response create(NewAsset body) {
        if (body == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Send a JSON object with kind, name and summary.");
        }
        AssetKind kind = body.kind() == null ? null : AssetKind.parse(body.kind()).orElse(null);
        AssetDetails created = catalog.create(actors.actor(), kind, body.name(), body.summary());
        return Response.created(location(created.ref())).entity(created).build();
    }

    @GET
    @Path(ASSET)
    @PermitAll
    @Operation(summary = "An asset")
    @APIResponse(responseCode = "404", description = "No such asset, or one that is not published and not the caller's")
    @APIResponse(responseCode = "200", description = "The asset")
    public AssetDetails asset(@PathParam("kinds") String kinds, @PathParam("owner") String owner, @PathParam("name") String name) {
        AssetRef ref = ref(kinds, owner, name);
        return catalog.find(ref, actors.viewer()).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "There is no " + ref.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + ref.repoId() + "."));
    }

    @PATCH
    @Path(ASSET)
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change an asset's summary (owners)")
    public AssetDetails patch(@PathParam("kinds") String kinds, @PathParam("owner") String owner, @PathParam("name") String name,
            AssetPatch body) {
        if (body == null || body.summary() == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Send a JSON object with summary.");
        }
        return catalog.changeSummary(actors.actor(), ref(kinds, owner, name), body.summary());
    }

    @GET
    @Path(ASSET + "/versions")
    @PermitAll
    @Operation(summary = "The published versions, newest first (and the draft, for owners)")
    public List<VersionInfo> versions(@PathParam("kinds") String kinds, @PathParam("owner") String owner,
            @PathParam("name") String name) {
        return catalog.versions(ref(kinds, owner, name), actors.viewer());
    }

    @GET
    @Path(ASSET + "/versions/{rev}")
    @PermitAll
    @Operation(summary = "A version with its files", description = "rev: main, r<N>, a tag, a content hash (or its first 40 "
            + "hex digits), or draft (owners).")
    public VersionDetails version(@PathParam("kinds") String kinds, @PathParam("owner") String owner,
            @PathParam("name") String name, @PathParam("rev") String rev) {
        return catalog.version(ref(kinds, owner, name), rev, actors.viewer());
    }

    @GET
    @Path(ASSET + "/versions/{rev}/files/{path: .+}")
    @PermitAll
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a file (streamed; Range, ETag = \"sha256\", If-None-Match)",
            description = "Headers as the Hub sends them: ETag, X-Repo-Commit (the first 40 hex digits of the content hash), "
                    + "Content-Length, Accept-Ranges. A download is counted once per client, version and day.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "206", description = "The requested range")
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "416", description = "The range starts beyond the end")
    public Response download(@PathParam("kinds") String kinds, @PathParam("owner") String owner,
            @PathParam("name") String name, @PathParam("rev") String rev, @PathParam("path") String path,
            @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return files.send(catalog.file(ref(kinds, owner, name), rev, path, actors.viewer()), range, ifRange, ifNoneMatch,
                false, actors.viewer(), request);
    }

    @HEAD
    @Path(ASSET + "/versions/{rev}/files/{path: .+}")
    @PermitAll
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A file's headers (size, ETag, commit) without its content")
    public Response head(@PathParam("kinds") String kinds, @PathParam("owner") String owner,
            @PathParam("name") String name, @PathParam("rev") String rev, @PathParam("path") String path,
            @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return files.send(catalog.file(ref(kinds, owner, name), rev, path, actors.viewer()), range, ifRange, ifNoneMatch,
                true, actors.viewer(), request);
    }

    @POST
    @Path(ASSET + "/versions/{rev}/links/{path: .+}")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "A signed, short-lived download link to a file, for a script that cannot send a token",
            description = "Only a caller who may download the file gets one (owners, licence holders, anyone for open versions). "
                    + "The link acts as its issuer and is checked again each time it is used; ttl is in seconds (default 600, "
                    + "at most the configured maximum, 3600 by default). The version is fixed when the link is made.")
    @APIResponse(responseCode = "201", description = "The link (path) and when it expires")
    @APIResponse(responseCode = "403", description = "The caller may not download this file")
    public Response link(@PathParam("kinds") String kinds, @PathParam("owner") String owner, @PathParam("name") String name,
            @PathParam("rev") String rev, @PathParam("path") String path, @QueryParam("ttl") @DefaultValue("600") long ttl) {
        SignedLink link = links.issue(actors.actor(), ref(kinds, owner, name), rev, path, ttl);
        return Response.status(201).entity(link).build();
    }

    @GET
    @Path("links/{token}")
    @PermitAll
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download through a signed link (no token needed until it expires); Range, ETag and If-None-Match as above")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "404", description = "The link is not valid, or has expired")
    public Response viaLink(@PathParam("token") String token, @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        DownloadLinks.Resolved r = links.resolve(token).orElseThrow(() -> new RejectedException(RejectedException.Reason.NOT_FOUND,
                "This link is not valid, or has expired: ask for a new one.", "EntryNotFound"));
        return files.send(r.download(), range, ifRange, ifNoneMatch, false, java.util.Optional.of(r.issuer()), request);
    }

    @GET
    @Path(ASSET + "/versions/{rev}/preview")
    @PermitAll
    @Operation(summary = "The files of a version that have a preview (CSV, TSV, JSON Lines, JSON arrays)")
    public List<String> previewable(@PathParam("kinds") String kinds, @PathParam("owner") String owner,
            @PathParam("name") String name, @PathParam("rev") String rev) {
        return catalog.previewable(ref(kinds, owner, name), rev, actors.viewer());
    }

    @GET
    @Path(ASSET + "/versions/{rev}/preview/{path: .+}")
    @PermitAll
    @Operation(summary = "The first 100 rows of a file as a table",
            description = "Computed once per published version and kept. A format without a preview answers 200 with "
                    + "problem set to the reason, not an error.")
    public DatasetPreview preview(@PathParam("kinds") String kinds, @PathParam("owner") String owner,
            @PathParam("name") String name, @PathParam("rev") String rev, @PathParam("path") String path) {
        return catalog.preview(ref(kinds, owner, name), rev, path, actors.viewer());
    }

    @GET
    @Path(ASSET + "/draft")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The draft (owners); made from the latest version's files when there is none")
    public VersionDetails draft(@PathParam("kinds") String kinds, @PathParam("owner") String owner,
            @PathParam("name") String name) {
        return catalog.draft(actors.actor(), ref(kinds, owner, name));
    }

    @PUT
    @Path(ASSET + "/draft/files/{path: .+}")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.WILDCARD)
    @LargeBody
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Upload a file into the draft (streamed; replaces a file of the same path)",
            description = "Send the expected digest as Content-Digest: sha-256=:<base64>: (RFC 9530) or ?sha256=<hex>; "
                    + "a file whose digest differs is refused with 422 and not kept. Larger than the limit: 413.")
    @APIResponse(responseCode = "200", description = "Stored; newContent is false when the store already had it")
    @APIResponse(responseCode = "413", description = "Larger than the file size limit; nothing kept")
    @APIResponse(responseCode = "422", description = "Bad path, empty file or digest mismatch; nothing kept")
    public UploadedFile upload(@PathParam("kinds") String kinds, @PathParam("owner") String owner,
            @PathParam("name") String name, @PathParam("path") String path, @QueryParam("sha256") String sha256,
            @HeaderParam("Content-Digest") String contentDigest, @HeaderParam("Content-Length") @DefaultValue("-1") long length,
            InputStream body) throws IOException {
        if (length > catalog.maxFileBytes()) {
            // refused before a byte is read
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The file has " + length + " bytes; the limit is " + catalog.maxFileBytes() + ".");
        }
        Optional<String> expected = Optional.ofNullable(sha256).filter(s -> !s.isBlank()).or(() -> fromContentDigest(contentDigest));
        return catalog.upload(actors.actor(), ref(kinds, owner, name), path, body, expected);
    }

    @DELETE
    @Path(ASSET + "/draft/files/{path: .+}")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Remove a file from the draft")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeFile(@PathParam("kinds") String kinds, @PathParam("owner") String owner,
            @PathParam("name") String name, @PathParam("path") String path) {
        catalog.removeFile(actors.actor(), ref(kinds, owner, name), path);
    }

    @POST
    @Path(ASSET + "/draft/publish")
    @RolesAllowed(Roles.MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Publish the draft as the next immutable version (optionally tagged)")
    @APIResponse(responseCode = "201", description = "Published; Location is the version")
    @APIResponse(responseCode = "409", description = "No draft, nothing changed, or the tag is taken")
    @APIResponse(responseCode = "422", description = "The card (README.md) has problems, named by line")
    public Response publish(@PathParam("kinds") String kinds, @PathParam("owner") String owner,
            @PathParam("name") String name, PublishRequest body) {
        AssetRef ref = ref(kinds, owner, name);
        VersionInfo v = catalog.publish(actors.actor(), ref, Optional.ofNullable(body).map(PublishRequest::tag));
        return Response.created(URI.create(location(ref) + "/versions/r" + v.revision())).entity(v).build();
    }

    @PUT
    @Path(ASSET + "/like")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Like an asset (once per account; repeating is harmless)")
    public AssetDetails like(@PathParam("kinds") String kinds, @PathParam("owner") String owner, @PathParam("name") String name) {
        return catalog.like(actors.actor(), ref(kinds, owner, name), true);
    }

    @DELETE
    @Path(ASSET + "/like")
    @RolesAllowed(Roles.MEMBER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Take a like back")
    public AssetDetails unlike(@PathParam("kinds") String kinds, @PathParam("owner") String owner, @PathParam("name") String name) {
        return catalog.like(actors.actor(), ref(kinds, owner, name), false);
    }

    @GET
    @Path(ASSET + "/lineage")
    @PermitAll
    @Operation(summary = "Where the asset comes from (its card's datasets and base_model) and what declares it comes from it")
    public Lineage lineage(@PathParam("kinds") String kinds, @PathParam("owner") String owner, @PathParam("name") String name) {
        return catalog.lineage(ref(kinds, owner, name), actors.viewer());
    }

    static AssetRef ref(String kinds, String owner, String name) {
        return new AssetRef(AssetKind.fromPlural(kinds).orElseThrow(), owner, name);
    }

    private URI location(AssetRef ref) {
        return uri.getBaseUriBuilder().path(ref.kind().plural()).path(ref.owner()).path(ref.name()).build();
    }

    /** The hex SHA-256 of an RFC 9530 {@code Content-Digest} header, when it carries one. */
    static Optional<String> fromContentDigest(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = CONTENT_DIGEST.matcher(header);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().formatHex(Base64.getDecoder().decode(m.group(1))));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Content-Digest's sha-256 value is not base64.");
        }
    }
}
