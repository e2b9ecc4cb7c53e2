package org.guildhall.catalog.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue. A viewer is empty for anonymous callers. An asset without a published version, and any
 * draft, is visible only to its owner and to admins; to anyone else it does not exist (not found, never
 * forbidden, so that its existence does not leak).
 *
 * <p>Rejected input throws {@code ValidationFailedException} (field errors) or {@code RejectedException}
 * (not found, forbidden, conflict, too large) with a message that says what to fix; nothing changes.
 */
public interface CatalogService {

    AssetDetails create(Actor actor, AssetKind kind, String name, String summary);

    Optional<AssetDetails> find(AssetRef ref, Optional<Actor> viewer);

    AssetDetails changeSummary(Actor actor, AssetRef ref, String summary);

    /** The published versions, newest first, and the draft first of all when the viewer may see it. */
    List<VersionInfo> versions(AssetRef ref, Optional<Actor> viewer);

    /**
     * The version that {@code rev} names: {@code main} (the latest published), {@code r<N>}, a tag, a
     * content hash or its first 40 hex digits, or {@code draft} (owners only).
     */
    VersionDetails version(AssetRef ref, String rev, Optional<Actor> viewer);

    /** The draft, made from the latest published version's files when there is none. Owners only. */
    VersionDetails draft(Actor actor, AssetRef ref);

    /**
     * Streams a file into the draft: stored by SHA-256 (the expected digest, when given, is checked before
     * the file is accepted), then listed in the draft under {@code path}, replacing a file of that path.
     */
    UploadedFile upload(Actor actor, AssetRef ref, String path, InputStream content, Optional<String> expectedSha256)
            throws IOException;

    void removeFile(Actor actor, AssetRef ref, String path);

    /** Publishes the draft as the next revision; its README.md must be a valid card. */
    VersionInfo publish(Actor actor, AssetRef ref, Optional<String> tag);

    Download file(AssetRef ref, String rev, String path, Optional<Actor> viewer);

    /**
     * The published version that {@code rev} names, with its asset's owner, whoever asks: for capabilities that
     * sell or govern assets. Empty when there is no such published version.
     */
    Optional<OwnedVersion> ownedVersion(AssetRef ref, String rev);

    Optional<OwnedVersion> ownedVersion(java.util.UUID versionId);

    /**
     * Takes a published asset down by a decision (a DAO proposal): from then on only its owners and admins see
     * it, with the reason. Empty when there is no such published asset; taking it down twice changes nothing.
     */
    Optional<AssetRef> takeDown(AssetRef ref, String reason, String decision);

    /** The asset when it is published and not taken down, whoever asks. */
    Optional<AssetRef> listedAsset(AssetRef ref);

    /** Opens a file's content from {@code offset}; the caller closes the stream. */
    InputStream open(FileInfo file, long offset) throws IOException;

    /** Counts a download once per client, version and day, however many requests it takes. */
    void recordDownload(Download download, String clientKey);

    AssetDetails like(Actor actor, AssetRef ref, boolean liked);

    Lineage lineage(AssetRef ref, Optional<Actor> viewer);

    SearchResult search(SearchQuery query);

    /** The files of a version that have a preview (CSV, TSV, JSON Lines, JSON arrays), in path order. */
    List<String> previewable(AssetRef ref, String rev, Optional<Actor> viewer);

    /** The first 100 rows of a file; computed once per published version and kept. */
    DatasetPreview preview(AssetRef ref, String rev, String path, Optional<Actor> viewer);

    /** An account's assets: all of them for the owner and admins, the published ones for others. */
    List<AssetSummary> assetsOf(String owner, Optional<Actor> viewer);

    /**
     * Renders a card (README.md text) as a page shows it: sanitised HTML (no script, no event handlers, no
     * {@code javascript:} links), metadata, and the front matter's problems by line.
     */
    RenderedCard render(String readme);

    /** The largest file accepted, in bytes. */
    long maxFileBytes();
}
