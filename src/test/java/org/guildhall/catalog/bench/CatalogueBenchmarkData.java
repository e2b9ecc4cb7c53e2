package org.guildhall.catalog.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.guildhall.catalog.api.AssetSummary;

/**
 * Fills an empty Guildhall database with N generated published assets (the same generator as
 * {@link SearchBenchmark}), for the page benchmark of {@code ./guildhall bench catalog}: the server then
 * rebuilds its search index from the database at start, as it would after losing the index.
 *
 * <p>Usage: {@code CatalogueBenchmarkData <jdbc url> <user> <password> <count>}
 */
public final class CatalogueBenchmarkData {

    private CatalogueBenchmarkData() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[3]);
        Flyway.configure().dataSource(url, args[1], args[2]).locations("classpath:db/migration").load().migrate();
        SearchBenchmark.Catalogue catalogue = new SearchBenchmark.Catalogue(new Random(20251122L));
        Map<String, UUID> ownerIds = new HashMap<>();
        Set<String> keys = new HashSet<>();
        Random random = new Random(7);
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            c.setAutoCommit(false);
            try (PreparedStatement asset = c.prepareStatement("insert into catalog_asset (id, kind, owner_id, owner_name, name, "
                    + "lookup_key, summary, task, license, languages, tags, latest_version_id, latest_revision, downloads, likes, "
                    + "created_at, updated_at, changed_at, row_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 1)");
                    PreparedStatement version = c.prepareStatement("insert into catalog_version (id, asset_id, revision, state, "
                            + "content_hash, card_markdown, file_count, total_bytes, created_at, updated_at, published_at, row_version) "
                            + "values (?, ?, 1, 'PUBLISHED', ?, ?, 1, 1000, ?, ?, ?, 1)")) {
                int made = 0;
                while (made < count) {
                    AssetSummary a = catalogue.asset();
                    String name = a.name().length() > 90 ? a.name().substring(0, 90) : a.name();
                    String key = a.kind() + ":" + a.owner().toLowerCase(Locale.ROOT) + "/" + name.toLowerCase(Locale.ROOT);
                    if (!keys.add(key)) {
                        continue;
                    }
                    UUID id = UUID.randomUUID();
                    UUID versionId = UUID.randomUUID();
                    Timestamp at = Timestamp.from(a.updatedAt());
                    asset.setObject(1, id);
                    asset.setString(2, a.kind().name());
                    asset.setObject(3, ownerIds.computeIfAbsent(a.owner(), o -> UUID.randomUUID()));
                    asset.setString(4, a.owner());
                    asset.setString(5, name);
                    asset.setString(6, key);
                    asset.setString(7, a.summary().length() > 300 ? a.summary().substring(0, 300) : a.summary());
                    asset.setString(8, a.task());
                    asset.setString(9, a.license());
                    asset.setString(10, String.join("\n", a.languages()));
                    asset.setString(11, String.join("\n", a.tags()));
                    asset.setString(12, versionId.toString());
                    asset.setLong(13, a.downloads());
                    asset.setLong(14, a.likes());
                    asset.setTimestamp(15, at);
                    asset.setTimestamp(16, at);
                    asset.setTimestamp(17, at);
                    asset.addBatch();
                    byte[] hash = new byte[32];
                    random.nextBytes(hash);
                    version.setObject(1, versionId);
                    version.setObject(2, id);
                    version.setString(3, HexFormat.of().formatHex(hash));
                    version.setString(4, a.cardText());
                    version.setTimestamp(5, at);
                    version.setTimestamp(6, at);
                    version.setTimestamp(7, at);
                    version.addBatch();
                    if (++made % 1000 == 0) {
                        asset.executeBatch();
                        version.executeBatch();
                        c.commit();
                    }
                }
                asset.executeBatch();
                version.executeBatch();
                c.commit();
            }
        }
        System.out.printf(Locale.ROOT, "%d assets written in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }
}
