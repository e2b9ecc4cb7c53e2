package org.guildhall.catalog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.domain.Asset;
import org.guildhall.catalog.domain.AssetVersion;
import org.guildhall.catalog.domain.CardMetadata;
import org.guildhall.catalog.domain.ContentHash;
import org.guildhall.catalog.domain.LineageLink;
import org.guildhall.catalog.domain.RepoPath;
import org.guildhall.catalog.domain.Sha256;
import org.guildhall.catalog.domain.StoredPreview;
import org.guildhall.catalog.domain.VersionFile;
import org.guildhall.testsupport.BothDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalogue's migration, mappings and native queries on H2 and on a real PostgreSQL. */
class CatalogPersistenceTest extends BothDatabases {

    static final Sha256 A = new Sha256("a".repeat(64));
    static final Sha256 B = new Sha256("b".repeat(64));

    record Published(UUID assetId, UUID versionId, String hash) {
    }

    Published publish(EntityManagerFactory emf, AssetKind kind, String owner, String name, Instant now, CardMetadata card) {
        return read(emf, em -> {
            JpaCatalogRepository repo = JpaCatalogRepository.with(em);
            Asset asset = new Asset(kind, UUID.randomUUID(), owner, name, "summary", now);
            repo.add(asset);
            AssetVersion v = new AssetVersion(asset.getId(), repo.nextRevision(asset.getId()), now);
            repo.add(v);
            repo.add(new VersionFile(v.getId(), new RepoPath("data/a.csv"), A, 10, now));
            repo.add(new VersionFile(v.getId(), new RepoPath("README.md"), B, 20, now));
            em.flush();
            Sha256 hash = ContentHash.of(repo.files(v.getId()).stream().map(f -> new ContentHash.Entry(f.getPath(), f.getSha256())).toList());
            v.filesChanged(2, 30, now);
            v.publish("v1", hash, "# card", "{}", asset.getOwnerId(), now);
            asset.published(v, card, now);
            for (String d : card.datasets()) {
                repo.add(new LineageLink(v.getId(), asset.getId(), LineageLink.Relation.DATASET, d));
            }
            return new Published(asset.getId(), v.getId(), hash.hex());
        });
    }

    static CardMetadata card(String... datasets) {
        return new CardMetadata(java.util.Optional.of("mit"), java.util.Optional.of("tabular-classification"), List.of("t1", "t2"),
                List.of("en"), List.of(datasets), List.of(), List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesAssetsVersionsAndFilesAndResolvesRevisionsTagsAndHashes(Database db) {
        EntityManagerFactory emf = migratedFactory(db);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Published p = publish(emf, AssetKind.DATASET, "Alice", "Iris", now, card());
        inTransaction(emf, em -> {
            JpaCatalogRepository repo = JpaCatalogRepository.with(em);
            Asset found = repo.asset(AssetKind.DATASET, "alice", "IRIS").orElseThrow();
            assertThat(found.getId()).isEqualTo(p.assetId());
            assertThat(found.getLatestRevision()).isEqualTo(1);
            assertThat(found.getTags()).containsExactly("t1", "t2");
            assertThat(found.getLicense()).isEqualTo("mit");
            assertThat(found.getUpdatedAt()).isEqualTo(now);
            assertThat(repo.asset(AssetKind.MODEL, "alice", "iris")).isEmpty();
            assertThat(repo.files(p.versionId())).extracting(VersionFile::getPath).containsExactly("README.md", "data/a.csv");
            assertThat(repo.publishedByRevision(p.assetId(), 1)).isPresent();
            assertThat(repo.publishedByTag(p.assetId(), "v1")).isPresent();
            assertThat(repo.publishedByHash(p.assetId(), p.hash())).isPresent();
            assertThat(repo.publishedByHash(p.assetId(), p.hash().substring(0, 40))).isPresent();
            assertThat(repo.publishedByHash(p.assetId(), "0".repeat(40))).isEmpty();
            assertThat(repo.nextRevision(p.assetId())).isEqualTo(2);
            assertThat(repo.draftOf(p.assetId())).isEmpty();
            assertThat(repo.newestChange()).contains(now);
            assertThat(repo.assetsChangedSince(now)).extracting(Asset::getId).contains(p.assetId());
            assertThat(repo.assetsChangedSince(now.plusSeconds(1))).extracting(Asset::getId).doesNotContain(p.assetId());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void namesAreUniquePerKindWhateverTheirCase(Database db) {
        EntityManagerFactory emf = migratedFactory(db);
        Instant now = Instant.now();
        String owner = "bob" + db.name();
        inTransaction(emf, em -> JpaCatalogRepository.with(em).add(new Asset(AssetKind.MODEL, UUID.randomUUID(), owner, "Net", "", now)));
        assertThatThrownBy(() -> inTransaction(emf, em -> JpaCatalogRepository.with(em)
                .add(new Asset(AssetKind.MODEL, UUID.randomUUID(), owner, "NET", "", now)))).isInstanceOf(RuntimeException.class);
        inTransaction(emf, em -> JpaCatalogRepository.with(em).add(new Asset(AssetKind.DATASET, UUID.randomUUID(), owner, "net", "", now)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void likesAndDailyDownloadsCountOnceAndFeedTheCounters(Database db) {
        EntityManagerFactory emf = migratedFactory(db);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Published p = publish(emf, AssetKind.DATASET, "carol", "air-" + db.name(), now, card());
        UUID bob = UUID.randomUUID();
        LocalDate today = LocalDate.of(2026, 11, 22);
        inTransaction(emf, em -> {
            JpaCatalogRepository repo = JpaCatalogRepository.with(em);
            assertThat(repo.addLike(p.assetId(), bob, now)).isTrue();
            assertThat(repo.addLike(p.assetId(), bob, now)).isFalse();
            assertThat(repo.isLiked(p.assetId(), bob)).isTrue();
            assertThat(repo.addDownload(p.versionId(), p.assetId(), "client-1", today)).isTrue();
            assertThat(repo.addDownload(p.versionId(), p.assetId(), "client-1", today)).isFalse();
            assertThat(repo.addDownload(p.versionId(), p.assetId(), "client-1", today.minusDays(1))).isTrue();
            assertThat(repo.addDownload(p.versionId(), p.assetId(), "client-2", today.minusDays(9))).isTrue();
            repo.bumpCounters(p.assetId(), 3, 1, now.plusSeconds(5));
        });
        inTransaction(emf, em -> {
            JpaCatalogRepository repo = JpaCatalogRepository.with(em);
            assertThat(repo.recentDownloads(p.assetId(), today.minusDays(6))).isEqualTo(2);
            assertThat(repo.recentLikes(p.assetId(), now.minusSeconds(60))).isEqualTo(1);
            assertThat(repo.recentLikes(p.assetId(), now.plusSeconds(60))).isZero();
            Asset a = repo.asset(p.assetId()).orElseThrow();
            assertThat(a.getDownloads()).isEqualTo(3);
            assertThat(a.getLikes()).isEqualTo(1);
            assertThat(a.getChangedAt()).isEqualTo(now.plusSeconds(5));
            assertThat(repo.removeLike(p.assetId(), bob)).isTrue();
            assertThat(repo.removeLike(p.assetId(), bob)).isFalse();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void lineageLinksResolveFromTheirTargetAndPublishedAssetsPage(Database db) {
        EntityManagerFactory emf = migratedFactory(db);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String owner = "dora" + db.name();
        Published data = publish(emf, AssetKind.DATASET, owner, "flowers", now, card());
        Published model = publish(emf, AssetKind.MODEL, owner, "flower-net", now, card(owner + "/Flowers"));
        inTransaction(emf, em -> {
            JpaCatalogRepository repo = JpaCatalogRepository.with(em);
            List<LineageLink> links = repo.linksTo(org.guildhall.catalog.domain.AssetName.lookupKey("DATASET", owner, "flowers"));
            assertThat(links).extracting(LineageLink::getAssetId).containsExactly(model.assetId());
            assertThat(repo.lineageOf(model.versionId())).extracting(LineageLink::getTargetRef).containsExactly(owner + "/Flowers");
            repo.add(new StoredPreview(data.versionId(), "data/a.csv", "csv", "{\"columns\":[]}", null, now));
        });
        inTransaction(emf, em -> {
            JpaCatalogRepository repo = JpaCatalogRepository.with(em);
            assertThat(repo.preview(data.versionId(), "data/a.csv")).isPresent();
            assertThat(repo.preview(data.versionId(), "other.csv")).isEmpty();
            long published = repo.publishedAssetCount();
            List<Asset> first = repo.publishedAssetsAfter(null, 1);
            List<Asset> rest = repo.publishedAssetsAfter(first.get(0).getId(), 1000);
            assertThat(first.size() + rest.size()).isEqualTo(published);
            assertThat(rest).extracting(Asset::getId).doesNotContain(first.get(0).getId());
        });
    }
}
