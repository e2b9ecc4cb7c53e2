package org.guildhall.catalog.application;

import static org.guildhall.platform.validation.RejectedException.Reason.NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.FileAccessPolicy;
import org.guildhall.catalog.api.OwnedVersion;
import org.guildhall.catalog.api.AssetChanged;
import org.guildhall.catalog.api.AssetDetails;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.AssetSummary;
import org.guildhall.catalog.api.CardInfo;
import org.guildhall.catalog.api.RenderedCard;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.api.DatasetPreview;
import org.guildhall.catalog.api.Download;
import org.guildhall.catalog.api.FileInfo;
import org.guildhall.catalog.api.Lineage;
import org.guildhall.catalog.api.LineageEdge;
import org.guildhall.catalog.api.SearchQuery;
import org.guildhall.catalog.api.SearchResult;
import org.guildhall.catalog.api.UploadedFile;
import org.guildhall.catalog.api.VersionDetails;
import org.guildhall.catalog.api.VersionInfo;
import org.guildhall.catalog.api.VersionPublished;
import org.guildhall.catalog.domain.Asset;
import org.guildhall.catalog.domain.AssetIndex;
import org.guildhall.catalog.domain.AssetName;
import org.guildhall.catalog.domain.AssetVersion;
import org.guildhall.catalog.domain.BlobStore;
import org.guildhall.catalog.domain.BlobStore.StoredBlob;
import org.guildhall.catalog.domain.CardMetadata;
import org.guildhall.catalog.domain.CardParser;
import org.guildhall.catalog.domain.CardRenderer;
import org.guildhall.catalog.domain.CatalogRepository;
import org.guildhall.catalog.domain.ContentHash;
import org.guildhall.catalog.domain.LineageLink;
import org.guildhall.catalog.domain.ParsedCard;
import org.guildhall.catalog.domain.PreviewReader;
import org.guildhall.catalog.domain.PreviewTable;
import org.guildhall.catalog.domain.PreviewUnavailableException;
import org.guildhall.catalog.domain.StoredPreview;
import org.guildhall.catalog.domain.RepoPath;
import org.guildhall.catalog.domain.Sha256;
import org.guildhall.catalog.domain.VersionFile;
import org.guildhall.identity.api.AccountService;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.Messages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
@Transactional
public class DefaultCatalogService implements CatalogService {

    /** One provider for every builder: {@code Json.create…} looks the provider up again on each call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(DefaultCatalogService.class.getName());
    public static final String CARD_PATH = "README.md";
    public static final int MAX_CARD_BYTES = 512 * 1024;
    public static final int MAX_SUMMARY = 300;
    public static final int PREVIEW_ROWS = 100;
    private static final int MAX_PREVIEW_JSON = 900_000;
    private static final Pattern REVISION = Pattern.compile("r([0-9]{1,9})");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    @Inject
    CatalogRepository repo;

    /** Who may receive a published file's content (the market's licences); none means open to all. */
    @Inject
    jakarta.enterprise.inject.Instance<FileAccessPolicy> accessPolicies;

    @Inject
    BlobStore blobs;

    @Inject
    AssetIndex index;

    @Inject
    AccountService accounts;

    @Inject
    Event<AssetChanged> changed;

    @Inject
    Event<VersionPublished> published;

    @Inject
    DefaultCatalogService self;

    @Inject
    @ConfigProperty(name = "guildhall.catalog.max-file-bytes", defaultValue = "21474836480")
    long maxFileBytes;

    Clock clock = Clock.systemUTC();

    // ---- assets -------------------------------------------------------------------------------------

    @Override
    public AssetDetails create(Actor actor, AssetKind kind, String name, String summary) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == null) {
            errors.add(FieldError.of("kind", "catalog.kind.missing"));
        }
        AssetName.problem(name).ifPresent(p -> errors.add(new FieldError("name", "catalog.name", List.of(p), p)));
        String cleanSummary = summary == null ? "" : summary.strip();
        summaryProblem(cleanSummary).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        if (repo.asset(kind, actor.username(), name).isPresent()) {
            throw RejectedException.conflict(text("catalog.asset.exists", actor.username(), name, kindWord(kind)));
        }
        Asset asset = new Asset(kind, actor.accountId(), actor.username(), name, cleanSummary, now());
        repo.add(asset);
        try {
            repo.flush();
        } catch (PersistenceException raced) {
            // another request created the same name between the check and the insert
            throw RejectedException.conflict(text("catalog.asset.exists", actor.username(), name, kindWord(kind)));
        }
        changed.fire(new AssetChanged(asset.getId()));
        return details(asset, Optional.of(actor));
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<AssetDetails> find(AssetRef ref, Optional<Actor> viewer) {
        return repo.asset(ref.kind(), ref.owner(), ref.name()).filter(a -> visible(a, viewer)).map(a -> details(a, viewer));
    }

    @Override
    public AssetDetails changeSummary(Actor actor, AssetRef ref, String summary) {
        String clean = summary == null ? "" : summary.strip();
        summaryProblem(clean).ifPresent(e -> {
            throw new ValidationFailedException(List.of(e));
        });
        Asset asset = editable(ref, actor);
        asset.changeSummary(clean, now());
        changed.fire(new AssetChanged(asset.getId()));
        return details(asset, Optional.of(actor));
    }

    private static Optional<FieldError> summaryProblem(String summary) {
        if (summary.length() > MAX_SUMMARY) {
            return Optional.of(FieldError.of("summary", "catalog.summary.tooLong", MAX_SUMMARY));
        }
        if (summary.chars().anyMatch(c -> c < 0x20)) {
            return Optional.of(FieldError.of("summary", "catalog.summary.oneLine"));
        }
        return Optional.empty();
    }

    // ---- versions -----------------------------------------------------------------------------------

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<VersionInfo> versions(AssetRef ref, Optional<Actor> viewer) {
        Asset asset = visibleAsset(ref, viewer);
        List<VersionInfo> result = new ArrayList<>();
        if (canEdit(asset, viewer)) {
            repo.draftOf(asset.getId()).ifPresent(d -> result.add(info(d)));
        }
        repo.publishedVersions(asset.getId()).forEach(v -> result.add(info(v)));
        return result;
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public VersionDetails version(AssetRef ref, String rev, Optional<Actor> viewer) {
        Asset asset = visibleAsset(ref, viewer);
        AssetVersion version = resolve(asset, rev, viewer);
        List<FileInfo> files = repo.files(version.getId()).stream().map(DefaultCatalogService::info).toList();
        String card = version.isDraft() ? readCard(files).orElse("") : Optional.ofNullable(version.getCardMarkdown()).orElse("");
        return versionDetails(details(asset, viewer), version, files, card);
    }

    private AssetVersion resolve(Asset asset, String rev, Optional<Actor> viewer) {
        String r = rev == null || rev.isBlank() ? "main" : rev.strip();
        Optional<AssetVersion> found;
        if (r.equals("draft")) {
            if (!canEdit(asset, viewer)) {
                throw new RejectedException(NOT_FOUND, text("catalog.version.unknown", r, asset.repoId()), "RevisionNotFound");
            }
            found = repo.draftOf(asset.getId());
        } else if (r.equals("main") || r.equals("HEAD")) {
            found = Optional.ofNullable(asset.getLatestVersionId()).flatMap(repo::version);
            if (found.isEmpty()) {
                throw new RejectedException(NOT_FOUND, text("catalog.version.none", asset.repoId()), "RevisionNotFound");
            }
        } else if (REVISION.matcher(r).matches()) {
            found = repo.publishedByRevision(asset.getId(), Integer.parseInt(r.substring(1)));
        } else if (HASH.matcher(r).matches()) {
            found = repo.publishedByHash(asset.getId(), r);
        } else {
            found = repo.publishedByTag(asset.getId(), r);
        }
        return found.orElseThrow(() -> new RejectedException(NOT_FOUND, text("catalog.version.unknown", r, asset.repoId()),
                "RevisionNotFound"));
    }

    @Override
    public VersionDetails draft(Actor actor, AssetRef ref) {
        Asset asset = editable(ref, actor);
        AssetVersion draft = draftFor(asset);
        List<FileInfo> files = repo.files(draft.getId()).stream().map(DefaultCatalogService::info).toList();
        return versionDetails(details(asset, Optional.of(actor)), draft, files, readCard(files).orElse(""));
    }

    private VersionDetails versionDetails(AssetDetails asset, AssetVersion version, List<FileInfo> files, String card) {
        RenderedCard r = render(card);
        return new VersionDetails(asset, info(version), files, card, r.card(), r.problems());
    }

    /** The draft, or a new one holding the latest published version's files. */
    private AssetVersion draftFor(Asset asset) {
        Optional<AssetVersion> existing = repo.draftOf(asset.getId());
        if (existing.isPresent()) {
            return existing.get();
        }
        repo.assetForUpdate(asset.getId());
        existing = repo.draftOf(asset.getId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = now();
        AssetVersion draft = new AssetVersion(asset.getId(), repo.nextRevision(asset.getId()), now);
        repo.add(draft);
        long total = 0;
        int count = 0;
        if (asset.getLatestVersionId() != null) {
            for (VersionFile f : repo.files(asset.getLatestVersionId())) {
                repo.add(new VersionFile(draft.getId(), new RepoPath(f.getPath()), f.getSha256(), f.getSizeBytes(), f.getAddedAt()));
                total += f.getSizeBytes();
                count++;
            }
        }
        draft.filesChanged(count, total, now);
        return draft;
    }

    // ---- files --------------------------------------------------------------------------------------

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public UploadedFile upload(Actor actor, AssetRef ref, String path, InputStream content, Optional<String> expectedSha256)
            throws IOException {
        List<FieldError> errors = new ArrayList<>();
        RepoPath.problems(path).stream().findFirst()
                .ifPresent(p -> errors.add(new FieldError("path", "catalog.path", List.of(p), p)));
        Optional<Sha256> expected = Optional.empty();
        if (expectedSha256.isPresent() && !expectedSha256.get().isBlank()) {
            try {
                expected = Optional.of(Sha256.parse(expectedSha256.get().strip()));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("sha256", "catalog.sha256.format"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        // checked before a byte is read: a stranger's upload is refused without touching the disk
        Asset asset = editable(ref, actor);
        // no transaction is open while the file streams in: a slow upload holds no lock and no connection
        StoredBlob blob;
        try {
            blob = blobs.put(content, maxFileBytes, expected);
        } catch (BlobStore.BlobTooLargeException e) {
            throw new RejectedException(RejectedException.Reason.TOO_LARGE, text("catalog.file.tooLarge", maxFileBytes));
        } catch (BlobStore.DigestMismatchException e) {
            throw new ValidationFailedException(List.of(FieldError.of("sha256", "catalog.sha256.mismatch",
                    e.actual().hex(), e.expected().hex())));
        }
        if (blob.size() == 0) {
            throw new ValidationFailedException(List.of(FieldError.of("file", "catalog.file.empty", path)));
        }
        return self.addToDraft(asset.getId(), new RepoPath(path), blob, actor);
    }

    /** The transactional half of {@link #upload}: list the stored file in the draft. */
    @Transactional(TxType.REQUIRED)
    public UploadedFile addToDraft(UUID assetId, RepoPath path, StoredBlob blob, Actor actor) {
        Asset asset = repo.assetForUpdate(assetId).orElseThrow(() -> RejectedException.notFound(text("catalog.asset.gone")));
        AssetVersion draft = draftFor(asset);
        Instant now = now();
        Optional<VersionFile> existing = repo.file(draft.getId(), path.value());
        if (existing.isPresent()) {
            existing.get().replaceContent(blob.digest(), blob.size(), now);
        } else {
            repo.add(new VersionFile(draft.getId(), path, blob.digest(), blob.size(), now));
        }
        repo.flush();
        recount(draft, now);
        return new UploadedFile(new FileInfo(path.value(), blob.digest().hex(), blob.size()), blob.newlyStored(), info(draft));
    }

    @Override
    public void removeFile(Actor actor, AssetRef ref, String path) {
        Asset asset = editable(ref, actor);
        AssetVersion draft = draftFor(asset);
        VersionFile file = repo.file(draft.getId(), path)
                .orElseThrow(() -> RejectedException.notFound(text("catalog.file.unknown", path, "draft")));
        repo.remove(file);
        repo.flush();
        recount(draft, now());
    }

    private void recount(AssetVersion draft, Instant now) {
        List<VersionFile> files = repo.files(draft.getId());
        draft.filesChanged(files.size(), files.stream().mapToLong(VersionFile::getSizeBytes).sum(), now);
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Download file(AssetRef ref, String rev, String path, Optional<Actor> viewer) {
        Asset asset = visibleAsset(ref, viewer);
        AssetVersion version = resolve(asset, rev, viewer);
        VersionFile file = repo.file(version.getId(), path)
                .orElseThrow(() -> new RejectedException(NOT_FOUND, text("catalog.file.unknown", path, label(version)), "EntryNotFound"));
        return new Download(asset.getId(), asset.getOwnerId(), new AssetRef(asset.getKind(), asset.getOwnerName(), asset.getName()), info(version), info(file));
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<OwnedVersion> ownedVersion(AssetRef ref, String rev) {
        Optional<Asset> asset = repo.asset(ref.kind(), ref.owner(), ref.name()).filter(Asset::isListed);
        if (asset.isEmpty() || "draft".equals(rev)) {
            return Optional.empty();
        }
        try {
            return Optional.of(owned(asset.get(), resolve(asset.get(), rev, Optional.empty())));
        } catch (RejectedException e) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional(TxType.REQUIRED)
    public Optional<AssetRef> takeDown(AssetRef ref, String reason, String decision) {
        Optional<Asset> found = repo.asset(ref.kind(), ref.owner(), ref.name()).filter(Asset::isPublished);
        found.filter(a -> !a.isTakenDown()).ifPresent(a -> {
            a.takeDown(reason, decision, now());
            changed.fire(new AssetChanged(a.getId()));
        });
        return found.map(a -> new AssetRef(a.getKind(), a.getOwnerName(), a.getName()));
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<AssetRef> listedAsset(AssetRef ref) {
        return repo.asset(ref.kind(), ref.owner(), ref.name()).filter(Asset::isListed)
                .map(a -> new AssetRef(a.getKind(), a.getOwnerName(), a.getName()));
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<OwnedVersion> ownedVersion(UUID versionId) {
        return repo.version(versionId).filter(v -> !v.isDraft())
                .flatMap(v -> repo.asset(v.getAssetId()).map(a -> owned(a, v)));
    }

    private static OwnedVersion owned(Asset a, AssetVersion v) {
        return new OwnedVersion(a.getId(), a.getOwnerId(), new AssetRef(a.getKind(), a.getOwnerName(), a.getName()), v.getId(),
                v.getRevision(), v.getTag(), v.getContentHash(), a.getLicense());
    }

    @Override
    public InputStream open(FileInfo file, long offset) throws IOException {
        return blobs.open(new Sha256(file.sha256()), offset);
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public void recordDownload(Download download, String clientKey) {
        if (download.version().draft()) {
            return;
        }
        try {
            self.countDownload(download.version().id(), clientKey);
        } catch (RuntimeException e) {
            // two requests of one client at once: the other one counted it. Never fail a download over a count.
            LOG.log(Level.FINE, "download not counted", e);
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void countDownload(UUID versionId, String clientKey) {
        AssetVersion version = repo.version(versionId).orElseThrow();
        if (repo.addDownload(versionId, version.getAssetId(), clientKey, LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            repo.bumpCounters(version.getAssetId(), 1, 0, now());
            changed.fire(new AssetChanged(version.getAssetId()));
        }
    }

    // ---- publishing ---------------------------------------------------------------------------------

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public VersionInfo publish(Actor actor, AssetRef ref, Optional<String> tag) {
        Optional<String> cleanTag = tag.map(String::strip).filter(t -> !t.isEmpty());
        cleanTag.flatMap(AssetName::tagProblem).ifPresent(p -> {
            throw new ValidationFailedException(List.of(new FieldError("tag", "catalog.tag", List.of(p), p)));
        });
        Asset asset = editable(ref, actor);
        AssetVersion draft = repo.draftOf(asset.getId())
                .orElseThrow(() -> RejectedException.conflict(text("catalog.publish.noDraft", asset.repoId())));
        List<FileInfo> files = repo.files(draft.getId()).stream().map(DefaultCatalogService::info).toList();
        // the card is read and checked before the transaction: file I/O never runs while rows are locked
        Optional<FileInfo> cardFile = files.stream().filter(f -> f.path().equals(CARD_PATH)).findFirst();
        if (cardFile.isPresent() && cardFile.get().size() > MAX_CARD_BYTES) {
            throw new ValidationFailedException(List.of(FieldError.of(CARD_PATH, "catalog.card.fileTooLarge", MAX_CARD_BYTES / 1024)));
        }
        String card = readCard(files).orElse("");
        ParsedCard parsed = CardParser.parse(card);
        if (!parsed.isValid()) {
            throw new ValidationFailedException(parsed.problems().stream()
                    .map(p -> FieldError.of(CARD_PATH, "catalog.card.problem", p.line(), p.reason())).toList());
        }
        return self.applyPublish(asset.getId(), draft.getId(), cleanTag.orElse(null), cardFile.map(FileInfo::sha256).orElse(null),
                card, parsed.metadata(), actor);
    }

    /** The transactional half of {@link #publish}; refuses when the card changed since it was checked. */
    @Transactional(TxType.REQUIRED)
    public VersionInfo applyPublish(UUID assetId, UUID draftId, String tag, String cardSha, String card, CardMetadata metadata,
            Actor actor) {
        Asset asset = repo.assetForUpdate(assetId).orElseThrow(() -> RejectedException.notFound(text("catalog.asset.gone")));
        AssetVersion draft = repo.version(draftId).filter(AssetVersion::isDraft)
                .orElseThrow(() -> RejectedException.conflict(text("catalog.publish.noDraft", asset.repoId())));
        List<VersionFile> files = repo.files(draftId);
        if (files.isEmpty()) {
            throw new ValidationFailedException(List.of(FieldError.of("files", "catalog.publish.empty")));
        }
        String currentCardSha = files.stream().filter(f -> f.getPath().equals(CARD_PATH)).findFirst()
                .map(f -> f.getSha256().hex()).orElse(null);
        if (!java.util.Objects.equals(currentCardSha, cardSha)) {
            throw RejectedException.conflict(text("catalog.publish.cardChanged"));
        }
        if (tag != null && repo.publishedByTag(assetId, tag).isPresent()) {
            throw RejectedException.conflict(text("catalog.tag.taken", tag, asset.repoId()));
        }
        Sha256 hash = ContentHash.of(files.stream().map(f -> new ContentHash.Entry(f.getPath(), f.getSha256())).toList());
        Optional<AssetVersion> latest = Optional.ofNullable(asset.getLatestVersionId()).flatMap(repo::version);
        if (latest.isPresent() && hash.hex().equals(latest.get().getContentHash())) {
            throw RejectedException.conflict(text("catalog.publish.unchanged", label(latest.get())));
        }
        Instant now = now();
        draft.publish(tag, hash, card.isEmpty() ? null : card, cardData(metadata), actor.accountId(), now);
        asset.published(draft, metadata, now);
        List<LineageEdge> edges = new ArrayList<>();
        AssetRef self = new AssetRef(asset.getKind(), asset.getOwnerName(), asset.getName());
        for (String d : metadata.datasets()) {
            edges.add(link(draft, asset, LineageLink.Relation.DATASET, d, self));
        }
        for (String m : metadata.baseModels()) {
            edges.add(link(draft, asset, LineageLink.Relation.BASE_MODEL, m, self));
        }
        List<FileInfo> infos = files.stream().map(DefaultCatalogService::info).toList();
        published.fire(new VersionPublished(assetId, self, draft.getId(), draft.getRevision(), tag, hash.hex(), infos,
                List.copyOf(edges), actor.accountId(), now));
        changed.fire(new AssetChanged(assetId));
        return info(draft);
    }

    private LineageEdge link(AssetVersion version, Asset asset, LineageLink.Relation relation, String target, AssetRef from) {
        LineageLink link = new LineageLink(version.getId(), asset.getId(), relation, target);
        repo.add(link);
        return edge(link, from);
    }

    private LineageEdge edge(LineageLink link, AssetRef from) {
        String ref = link.getTargetRef();
        int slash = ref.indexOf('/');
        String owner = slash > 0 ? ref.substring(0, slash) : "";
        String name = slash > 0 ? ref.substring(slash + 1) : ref;
        Optional<Asset> target = slash > 0 ? repo.asset(link.getTargetKind(), owner, name).filter(Asset::isPublished)
                : Optional.empty();
        AssetRef to = target.map(t -> new AssetRef(t.getKind(), t.getOwnerName(), t.getName()))
                .orElse(new AssetRef(link.getTargetKind(), owner, name));
        return new LineageEdge(link.getRelation().name(), from, to, target.isPresent());
    }

    /** The card's front matter as JSON (the Hub's {@code cardData}), in the Hub's key names. */
    static String cardData(CardMetadata m) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        m.license().ifPresent(l -> o.add("license", l));
        m.task().ifPresent(t -> o.add("pipeline_tag", t));
        addList(o, "tags", m.tags());
        addList(o, "language", m.languages());
        addList(o, "datasets", m.datasets());
        addList(o, "base_model", m.baseModels());
        addList(o, "metrics", m.metrics());
        return o.build().toString();
    }

    private static void addList(JsonObjectBuilder o, String key, List<String> values) {
        if (!values.isEmpty()) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            values.forEach(a::add);
            o.add(key, a);
        }
    }

    private Optional<String> readCard(List<FileInfo> files) {
        Optional<FileInfo> card = files.stream().filter(f -> f.path().equals(CARD_PATH)).findFirst();
        if (card.isEmpty() || card.get().size() > MAX_CARD_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(new Sha256(card.get().sha256()), 0)) {
            return Optional.of(new String(in.readNBytes(MAX_CARD_BYTES), StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "card " + card.get().sha256() + " unreadable", e);
            return Optional.empty();
        }
    }

    // ---- likes, lineage, search, owners -------------------------------------------------------------

    @Override
    public AssetDetails like(Actor actor, AssetRef ref, boolean liked) {
        Asset asset = visibleAsset(ref, Optional.of(actor));
        Instant now = now();
        boolean changedNow = liked ? repo.addLike(asset.getId(), actor.accountId(), now)
                : repo.removeLike(asset.getId(), actor.accountId());
        long delta = changedNow ? (liked ? 1 : -1) : 0;
        if (delta != 0) {
            repo.bumpCounters(asset.getId(), 0, delta, now);
            changed.fire(new AssetChanged(asset.getId()));
        }
        AssetDetails d = details(asset, Optional.of(actor));
        return new AssetDetails(d.id(), d.ref(), d.summary(), d.task(), d.license(), d.languages(), d.tags(), d.downloads(),
                asset.getLikes() + delta, d.latestRevision(), d.createdAt(), d.updatedAt(), d.editable(), liked, d.takedownReason());
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Lineage lineage(AssetRef ref, Optional<Actor> viewer) {
        Asset asset = visibleAsset(ref, viewer);
        AssetRef self = new AssetRef(asset.getKind(), asset.getOwnerName(), asset.getName());
        List<LineageEdge> upstream = asset.getLatestVersionId() == null ? List.of()
                : repo.lineageOf(asset.getLatestVersionId()).stream().map(l -> edge(l, self)).toList();
        List<LineageEdge> downstream = repo.linksTo(AssetName.lookupKey(asset.getKind().name(), asset.getOwnerName(), asset.getName()))
                .stream().flatMap(l -> repo.asset(l.getAssetId()).stream()
                        .map(from -> new LineageEdge(l.getRelation().name(),
                                new AssetRef(from.getKind(), from.getOwnerName(), from.getName()), self, true)))
                .toList();
        return new Lineage(upstream, downstream);
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public SearchResult search(SearchQuery query) {
        try {
            return index.search(query);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<String> previewable(AssetRef ref, String rev, Optional<Actor> viewer) {
        Asset asset = visibleAsset(ref, viewer);
        AssetVersion version = resolve(asset, rev, viewer);
        return repo.files(version.getId()).stream().map(VersionFile::getPath).filter(PreviewReader::supports).toList();
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public DatasetPreview preview(AssetRef ref, String rev, String path, Optional<Actor> viewer) {
        Download d = file(ref, rev, path, viewer);
        if (!d.version().draft()) {
            accessPolicies.forEach(p -> p.admit(d, viewer, FileAccessPolicy.Use.PREVIEW));
            Optional<StoredPreview> kept = repo.preview(d.version().id(), path);
            if (kept.isPresent()) {
                return fromStored(path, kept.get());
            }
        }
        // read outside any transaction: the file may be large and slow to read
        DatasetPreview computed;
        try (InputStream in = blobs.open(new Sha256(d.file().sha256()), 0)) {
            PreviewTable t = PreviewReader.read(path, in, PREVIEW_ROWS);
            computed = fit(path, t);
        } catch (PreviewUnavailableException e) {
            computed = new DatasetPreview(path, null, List.of(), List.of(), false, e.getMessage());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "preview of " + d.file().sha256() + " failed", e);
            return new DatasetPreview(path, null, List.of(), List.of(), false, text("catalog.preview.failed", path));
        }
        if (!d.version().draft()) {
            try {
                self.keepPreview(d.version().id(), computed);
            } catch (RuntimeException raced) {
                // another request computed and kept the same preview meanwhile
                LOG.log(Level.FINE, "preview kept by another request", raced);
            }
        }
        return computed;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void keepPreview(UUID versionId, DatasetPreview p) {
        if (repo.preview(versionId, p.path()).isEmpty()) {
            repo.add(new StoredPreview(versionId, p.path(), p.format(), p.available() ? tableJson(p) : null, p.problem(), now()));
        }
    }

    /** Drops rows from the end until the table's JSON fits the stored column. */
    private static DatasetPreview fit(String path, PreviewTable t) {
        List<List<String>> rows = t.rows();
        boolean truncated = t.truncated();
        DatasetPreview p = new DatasetPreview(path, t.format(), t.columns(), rows, truncated, null);
        while (tableJson(p).length() > MAX_PREVIEW_JSON && !rows.isEmpty()) {
            rows = rows.subList(0, rows.size() / 2);
            p = new DatasetPreview(path, t.format(), t.columns(), rows, true, null);
        }
        return p;
    }

    private static String tableJson(DatasetPreview p) {
        JsonArrayBuilder columns = JSON.createArrayBuilder();
        p.columns().forEach(columns::add);
        JsonArrayBuilder rows = JSON.createArrayBuilder();
        for (List<String> row : p.rows()) {
            JsonArrayBuilder r = JSON.createArrayBuilder();
            row.forEach(r::add);
            rows.add(r);
        }
        return JSON.createObjectBuilder().add("columns", columns).add("rows", rows).add("truncated", p.truncated()).build()
                .toString();
    }

    private static DatasetPreview fromStored(String path, StoredPreview s) {
        if (s.getTableJson() == null) {
            return new DatasetPreview(path, s.getFormat(), List.of(), List.of(), false, s.getProblem());
        }
        try (JsonReader r = JSON.createReader(new StringReader(s.getTableJson()))) {
            JsonObject o = r.readObject();
            List<String> columns = o.getJsonArray("columns").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            List<List<String>> rows = o.getJsonArray("rows").getValuesAs(JsonArray.class).stream()
                    .map(a -> a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()).toList();
            return new DatasetPreview(path, s.getFormat(), columns, rows, o.getBoolean("truncated"), null);
        }
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<AssetSummary> assetsOf(String owner, Optional<Actor> viewer) {
        return accounts.findByUsername(owner).map(account -> repo.assetsOf(account.id()).stream()
                .filter(a -> visible(a, viewer)).map(a -> summaryOf(a, 0, 0, "")).toList()).orElse(List.of());
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public RenderedCard render(String readme) {
        ParsedCard parsed = CardParser.parse(readme);
        CardMetadata m = parsed.metadata();
        return new RenderedCard(CardRenderer.toSafeHtml(parsed.body()), new CardInfo(m.license().orElse(null),
                m.task().orElse(null), m.tags(), m.languages(), m.datasets(), m.baseModels(), m.metrics()),
                parsed.problems().stream().map(p -> text("catalog.card.problem", p.line(), p.reason())).toList());
    }

    @Override
    public long maxFileBytes() {
        return maxFileBytes;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Asset visibleAsset(AssetRef ref, Optional<Actor> viewer) {
        return repo.asset(ref.kind(), ref.owner(), ref.name()).filter(a -> visible(a, viewer))
                .orElseThrow(() -> new RejectedException(NOT_FOUND, text("catalog.asset.unknown", kindWord(ref.kind()), ref.repoId()),
                        "RepoNotFound"));
    }

    private Asset editable(AssetRef ref, Actor actor) {
        Asset asset = visibleAsset(ref, Optional.of(actor));
        if (!canEdit(asset, Optional.of(actor))) {
            throw RejectedException.forbidden(text("catalog.asset.notOwner", asset.repoId()));
        }
        return asset;
    }

    private static boolean visible(Asset a, Optional<Actor> viewer) {
        return a.isListed() || canEdit(a, viewer);
    }

    private static boolean canEdit(Asset a, Optional<Actor> viewer) {
        return viewer.map(v -> v.admin() || a.isOwnedBy(v.accountId())).orElse(false);
    }

    private AssetDetails details(Asset a, Optional<Actor> viewer) {
        boolean liked = viewer.map(v -> repo.isLiked(a.getId(), v.accountId())).orElse(false);
        return new AssetDetails(a.getId(), new AssetRef(a.getKind(), a.getOwnerName(), a.getName()), a.getSummary(),
                a.getTask(), a.getLicense(), a.getLanguages(), a.getTags(), a.getDownloads(), a.getLikes(),
                a.getLatestRevision(), a.getCreatedAt(), a.getUpdatedAt(), canEdit(a, viewer), liked,
                a.isTakenDown() ? a.getTakedownReason() : null);
    }

    /** What the search index and result cards keep of an asset. */
    public static AssetSummary summaryOf(Asset a, long recentDownloads, long recentLikes, String cardText) {
        return new AssetSummary(a.getId(), a.getKind(), a.getOwnerName(), a.getName(), a.getSummary(), a.getTask(),
                a.getLicense(), a.getLanguages(), a.getTags(), a.getDownloads(), a.getLikes(), recentDownloads, recentLikes,
                a.getUpdatedAt(), cardText);
    }

    static VersionInfo info(AssetVersion v) {
        return new VersionInfo(v.getId(), v.getRevision(), v.isDraft(), v.getTag(), v.getContentHash(), v.getFileCount(),
                v.getTotalBytes(), v.getCreatedAt(), v.getPublishedAt());
    }

    static FileInfo info(VersionFile f) {
        return new FileInfo(f.getPath(), f.getSha256().hex(), f.getSizeBytes());
    }

    private static String label(AssetVersion v) {
        return v.getTag() != null ? v.getTag() : "r" + v.getRevision();
    }

    private static String kindWord(AssetKind kind) {
        return kind == null ? "asset" : kind.name().toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String text(String key, Object... args) {
        return Messages.format(Locale.ENGLISH, key, args);
    }
}
