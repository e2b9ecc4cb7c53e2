package org.guildhall.catalog.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.guildhall.catalog.api.AssetDetails;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.CardInfo;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.api.FileInfo;
import org.guildhall.catalog.api.VersionDetails;
import org.guildhall.catalog.application.Actors;

/**
 * The Hugging Face Hub's repository-info endpoints, in the Hub's JSON shape, so that the Hub's own client
 * libraries can read Guildhall. The Hub's paths ({@code /api/models/{owner}/{name}},
 * {@code /api/datasets/…}, {@code …/revision/{rev}}) are forwarded here by {@code HubRoutes}.
 */
@Path("/hub")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hub compatibility")
public class HubResource {

    /** One provider for every builder: {@code Json.create…} looks the provider up again on each call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    @Inject
    CatalogService catalog;

    @Inject
    Actors actors;

    @GET
    @Path(CatalogResource.ASSET)
    @PermitAll
    @Operation(summary = "Repository info as the Hub answers it (main)", description = "Also at /api/models/{owner}/{name} "
            + "and /api/datasets/{owner}/{name}. sha is the first 40 hex digits of the content hash.")
    public JsonObject info(@PathParam("kinds") String kinds, @PathParam("owner") String owner, @PathParam("name") String name,
            @QueryParam("blobs") boolean blobs) {
        return info(kinds, owner, name, "main", blobs);
    }

    @GET
    @Path(CatalogResource.ASSET + "/revision/{rev}")
    @PermitAll
    @Operation(summary = "Repository info at a revision, as the Hub answers it",
            description = "Also at /api/models/{owner}/{name}/revision/{rev} (and datasets).")
    public JsonObject revision(@PathParam("kinds") String kinds, @PathParam("owner") String owner,
            @PathParam("name") String name, @PathParam("rev") String rev, @QueryParam("blobs") boolean blobs) {
        return info(kinds, owner, name, rev, blobs);
    }

    private JsonObject info(String kinds, String owner, String name, String rev, boolean blobs) {
        VersionDetails v = catalog.version(CatalogResource.ref(kinds, owner, name), rev, actors.viewer());
        AssetDetails a = v.asset();
        JsonObjectBuilder o = JSON.createObjectBuilder()
                .add("_id", a.id().toString())
                .add("id", a.ref().repoId())
                .add("author", a.ref().owner())
                .add("private", false)
                .add("disabled", false)
                .add("gated", false)
                .add("downloads", a.downloads())
                .add("likes", a.likes())
                .add("createdAt", a.createdAt().toString())
                .add("lastModified", (v.version().publishedAt() != null ? v.version().publishedAt() : v.version().createdAt()).toString());
        if (a.ref().kind() == AssetKind.MODEL) {
            o.add("modelId", a.ref().repoId());
        }
        if (v.version().commit() != null) {
            o.add("sha", v.version().commit());
        }
        if (a.task() != null) {
            o.add("pipeline_tag", a.task());
        }
        JsonArrayBuilder tags = JSON.createArrayBuilder();
        Set<String> allTags = new LinkedHashSet<>(a.tags());
        a.languages().forEach(l -> allTags.add("language:" + l));
        if (a.license() != null) {
            allTags.add("license:" + a.license());
        }
        allTags.forEach(tags::add);
        o.add("tags", tags);
        o.add("cardData", cardData(v.card()));
        JsonArrayBuilder siblings = JSON.createArrayBuilder();
        long used = 0;
        for (FileInfo f : v.files()) {
            JsonObjectBuilder s = JSON.createObjectBuilder().add("rfilename", f.path());
            if (blobs) {
                s.add("size", f.size()).add("blobId", f.sha256())
                        .add("lfs", JSON.createObjectBuilder().add("sha256", f.sha256()).add("size", f.size()));
            }
            siblings.add(s);
            used += f.size();
        }
        o.add("siblings", siblings);
        o.add("usedStorage", used);
        return o.build();
    }

    /** The card's front matter in the Hub's key names. */
    static JsonObject cardData(CardInfo c) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        if (c.license() != null) {
            o.add("license", c.license());
        }
        if (c.task() != null) {
            o.add("pipeline_tag", c.task());
        }
        addList(o, "tags", c.tags());
        addList(o, "language", c.languages());
        addList(o, "datasets", c.datasets());
        addList(o, "base_model", c.baseModels());
        addList(o, "metrics", c.metrics());
        return o.build();
    }

    private static void addList(JsonObjectBuilder o, String key, List<String> values) {
        if (!values.isEmpty()) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            values.forEach(a::add);
            o.add(key, a);
        }
    }
}
