package org.guildhall.catalog.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.domain.Asset;
import org.guildhall.catalog.domain.AssetName;
import org.guildhall.catalog.domain.AssetVersion;
import org.guildhall.catalog.domain.CatalogRepository;
import org.guildhall.catalog.domain.LineageLink;
import org.guildhall.catalog.domain.StoredPreview;
import org.guildhall.catalog.domain.VersionFile;

@ApplicationScoped
public class JpaCatalogRepository implements CatalogRepository {

    @PersistenceContext(unitName = "guildhall")
    EntityManager em;

    /** For tests outside the container. */
    public static JpaCatalogRepository with(EntityManager em) {
        JpaCatalogRepository r = new JpaCatalogRepository();
        r.em = em;
        return r;
    }

    @Override
    public void add(Asset asset) {
        em.persist(asset);
    }

    @Override
    public void add(AssetVersion version) {
        em.persist(version);
    }

    @Override
    public void add(VersionFile file) {
        em.persist(file);
    }

    @Override
    public void add(LineageLink link) {
        em.persist(link);
    }

    @Override
    public void remove(VersionFile file) {
        em.remove(file);
    }

    @Override
    public Optional<Asset> asset(UUID id) {
        return Optional.ofNullable(em.find(Asset.class, id));
    }

    @Override
    public Optional<Asset> asset(AssetKind kind, String owner, String name) {
        return em.createQuery("select a from Asset a where a.lookupKey = :k", Asset.class)
                .setParameter("k", AssetName.lookupKey(kind.name(), owner, name)).getResultStream().findFirst();
    }

    @Override
    public Optional<Asset> assetForUpdate(UUID id) {
        return Optional.ofNullable(em.find(Asset.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Asset> assetsOf(UUID ownerId) {
        return em.createQuery("select a from Asset a where a.ownerId = :o order by a.updatedAt desc, a.id", Asset.class)
                .setParameter("o", ownerId).getResultList();
    }

    @Override
    public List<Asset> assetsChangedSince(Instant since) {
        return em.createQuery("select a from Asset a where a.changedAt >= :t order by a.changedAt, a.id", Asset.class)
                .setParameter("t", since).getResultList();
    }

    @Override
    public List<Asset> publishedAssetsAfter(UUID after, int limit) {
        return (after == null
                ? em.createQuery("select a from Asset a where a.latestVersionId is not null and a.takenDownAt is null order by a.id", Asset.class)
                : em.createQuery("select a from Asset a where a.latestVersionId is not null and a.takenDownAt is null and a.id > :after order by a.id",
                        Asset.class).setParameter("after", after))
                .setMaxResults(limit).getResultList();
    }

    @Override
    public long publishedAssetCount() {
        return em.createQuery("select count(a) from Asset a where a.latestVersionId is not null and a.takenDownAt is null", Long.class)
                .getSingleResult();
    }

    @Override
    public Optional<Instant> newestChange() {
        // the entity attribute, not max(): aggregates bypass the attribute converter
        return em.createQuery("select a from Asset a order by a.changedAt desc", Asset.class).setMaxResults(1)
                .getResultStream().findFirst().map(Asset::getChangedAt);
    }

    @Override
    public Optional<AssetVersion> version(UUID id) {
        return Optional.ofNullable(em.find(AssetVersion.class, id));
    }

    @Override
    public Optional<AssetVersion> draftOf(UUID assetId) {
        return em.createQuery("select v from AssetVersion v where v.assetId = :a and v.state = :s", AssetVersion.class)
                .setParameter("a", assetId).setParameter("s", AssetVersion.State.DRAFT).getResultStream().findFirst();
    }

    @Override
    public List<AssetVersion> publishedVersions(UUID assetId) {
        return em.createQuery("select v from AssetVersion v where v.assetId = :a and v.state = :s order by v.revision desc",
                AssetVersion.class).setParameter("a", assetId).setParameter("s", AssetVersion.State.PUBLISHED).getResultList();
    }

    @Override
    public Optional<AssetVersion> publishedByRevision(UUID assetId, int revision) {
        return published("v.revision = :x", assetId, revision);
    }

    @Override
    public Optional<AssetVersion> publishedByTag(UUID assetId, String tag) {
        return published("v.tag = :x", assetId, tag);
    }

    @Override
    public Optional<AssetVersion> publishedByHash(UUID assetId, String hashOrPrefix) {
        return hashOrPrefix.length() == 64 ? published("v.contentHash = :x", assetId, hashOrPrefix)
                : published("v.contentHash like :x", assetId, hashOrPrefix + "%");
    }

    private Optional<AssetVersion> published(String condition, UUID assetId, Object value) {
        return em.createQuery("select v from AssetVersion v where v.assetId = :a and v.state = :s and " + condition
                + " order by v.revision desc", AssetVersion.class)
                .setParameter("a", assetId).setParameter("s", AssetVersion.State.PUBLISHED).setParameter("x", value)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public int nextRevision(UUID assetId) {
        Integer max = em.createQuery("select max(v.revision) from AssetVersion v where v.assetId = :a", Integer.class)
                .setParameter("a", assetId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    @Override
    public List<VersionFile> files(UUID versionId) {
        return em.createQuery("select f from VersionFile f where f.versionId = :v order by f.path", VersionFile.class)
                .setParameter("v", versionId).getResultList();
    }

    @Override
    public Optional<VersionFile> file(UUID versionId, String path) {
        return Optional.ofNullable(em.find(VersionFile.class, new VersionFile.Key(versionId, path)));
    }

    @Override
    public List<LineageLink> lineageOf(UUID versionId) {
        return em.createQuery("select l from LineageLink l where l.versionId = :v order by l.relation, l.targetRef",
                LineageLink.class).setParameter("v", versionId).getResultList();
    }

    @Override
    public List<LineageLink> linksTo(String lookupKey) {
        // only the links of each asset's latest published version count: a later version may drop a link
        return em.createQuery("select l from LineageLink l where l.targetKey = :k order by l.relation, l.assetId", LineageLink.class)
                .setParameter("k", lookupKey).getResultStream()
                .filter(l -> asset(l.getAssetId()).map(a -> l.getVersionId().equals(a.getLatestVersionId())).orElse(false))
                .toList();
    }

    @Override
    public boolean addLike(UUID assetId, UUID accountId, Instant now) {
        if (isLiked(assetId, accountId)) {
            return false;
        }
        em.createNativeQuery("insert into catalog_like (asset_id, account_id, liked_at) values (?, ?, ?)")
                .setParameter(1, assetId).setParameter(2, accountId).setParameter(3, utc(now))
                .executeUpdate();
        return true;
    }

    @Override
    public boolean removeLike(UUID assetId, UUID accountId) {
        return em.createNativeQuery("delete from catalog_like where asset_id = ? and account_id = ?")
                .setParameter(1, assetId).setParameter(2, accountId).executeUpdate() > 0;
    }

    @Override
    public boolean isLiked(UUID assetId, UUID accountId) {
        return !em.createNativeQuery("select 1 from catalog_like where asset_id = ? and account_id = ?")
                .setParameter(1, assetId).setParameter(2, accountId).getResultList().isEmpty();
    }

    @Override
    public boolean addDownload(UUID versionId, UUID assetId, String clientKey, LocalDate day) {
        boolean seen = !em.createNativeQuery(
                "select 1 from catalog_download where version_id = ? and client_key = ? and download_day = ?")
                .setParameter(1, versionId).setParameter(2, clientKey).setParameter(3, java.sql.Date.valueOf(day))
                .getResultList().isEmpty();
        if (seen) {
            return false;
        }
        em.createNativeQuery("insert into catalog_download (version_id, client_key, download_day, asset_id) values (?, ?, ?, ?)")
                .setParameter(1, versionId).setParameter(2, clientKey).setParameter(3, java.sql.Date.valueOf(day))
                .setParameter(4, assetId).executeUpdate();
        return true;
    }

    @Override
    public long recentDownloads(UUID assetId, LocalDate since) {
        return ((Number) em.createNativeQuery("select count(*) from catalog_download where asset_id = ? and download_day >= ?")
                .setParameter(1, assetId).setParameter(2, java.sql.Date.valueOf(since)).getSingleResult()).longValue();
    }

    @Override
    public long recentLikes(UUID assetId, Instant since) {
        return ((Number) em.createNativeQuery("select count(*) from catalog_like where asset_id = ? and liked_at >= ?")
                .setParameter(1, assetId).setParameter(2, utc(since)).getSingleResult()).longValue();
    }

    @Override
    public void bumpCounters(UUID assetId, long downloads, long likes, Instant now) {
        em.createNativeQuery("update catalog_asset set downloads = downloads + ?, likes = likes + ?, changed_at = ? where id = ?")
                .setParameter(1, downloads).setParameter(2, likes).setParameter(3, utc(now)).setParameter(4, assetId)
                .executeUpdate();
    }

    private static java.time.OffsetDateTime utc(Instant t) {
        return t.atOffset(java.time.ZoneOffset.UTC);
    }

    @Override
    public Optional<StoredPreview> preview(UUID versionId, String path) {
        return Optional.ofNullable(em.find(StoredPreview.class, new VersionFile.Key(versionId, path)));
    }

    @Override
    public void add(StoredPreview preview) {
        em.persist(preview);
    }

    @Override
    public void flush() {
        em.flush();
    }
}
