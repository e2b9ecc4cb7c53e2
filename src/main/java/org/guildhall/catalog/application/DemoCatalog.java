package org.guildhall.catalog.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.identity.api.AccountProfile;
import org.guildhall.identity.api.AccountService;
import org.guildhall.platform.security.CallerClaims;
import org.guildhall.platform.security.Roles;

/**
 * Seeds the demo catalogue when {@code guildhall.demo.dir} names one (the run command does): owners from
 * {@code owners.properties}, then {@code <kind>/<owner>/<name>/<version>/…} published in version order
 * through the catalogue service, exactly as an owner would. An asset that exists already is left alone, so
 * seeding again changes nothing.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoCatalog {

    private static final Logger LOG = Logger.getLogger(DemoCatalog.class.getName());

    @Inject
    // Optional: an empty value (GUILDHALL_DEMO_DIR=) means "no demo catalogue", which MicroProfile Config reads as missing
    @ConfigProperty(name = "guildhall.demo.dir")
    java.util.Optional<String> demoDir;

    @Inject
    CatalogService catalog;

    @Inject
    AccountService accounts;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        String dir = demoDir.map(String::strip).orElse("");
        if (!dir.isEmpty()) {
            executor.execute(() -> {
                try {
                    seed(Path.of(dir));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "demo catalogue not seeded completely from " + dir, e);
                }
            });
        }
    }

    /** Seeds what is missing; returns the number of assets created. */
    public int seed(Path root) throws IOException {
        Properties owners = new Properties();
        try (Reader r = Files.newBufferedReader(root.resolve("owners.properties"), StandardCharsets.UTF_8)) {
            owners.load(r);
        }
        int created = 0;
        for (AssetKind kind : AssetKind.values()) {
            Path kindDir = root.resolve(kind.plural());
            if (!Files.isDirectory(kindDir)) {
                continue;
            }
            for (Path ownerDir : sortedDirs(kindDir)) {
                String owner = ownerDir.getFileName().toString();
                String[] who = owners.getProperty(owner, "").split(",", 3);
                if (who.length < 3) {
                    LOG.warning(() -> "demo owner " + owner + " is not in owners.properties; skipped");
                    continue;
                }
                AccountProfile account = accounts.signedIn(new CallerClaims(who[0], owner, who[1], who[2], Set.of(Roles.MEMBER)));
                Actor actor = new Actor(account.id(), account.username(), false);
                for (Path assetDir : sortedDirs(ownerDir)) {
                    if (seedAsset(actor, kind, assetDir)) {
                        created++;
                    }
                }
            }
        }
        int total = created;
        LOG.info(() -> "Demo catalogue: " + total + " assets created from " + root);
        return created;
    }

    /**
     * Seeds one asset: creates it when it is missing and publishes each of its versions that is not published
     * yet (by tag), so that seeding cut short by a stop is completed at the next start.
     */
    private boolean seedAsset(Actor actor, AssetKind kind, Path dir) throws IOException {
        AssetRef ref = new AssetRef(kind, actor.username(), dir.getFileName().toString());
        boolean created = false;
        if (catalog.find(ref, Optional.of(actor)).isEmpty()) {
            Properties props = new Properties();
            Path propsFile = dir.resolve("asset.properties");
            if (Files.exists(propsFile)) {
                try (Reader r = Files.newBufferedReader(propsFile, StandardCharsets.UTF_8)) {
                    props.load(r);
                }
            }
            catalog.create(actor, kind, ref.name(), props.getProperty("summary", ""));
            created = true;
        }
        Set<String> published = new java.util.HashSet<>();
        catalog.versions(ref, Optional.of(actor)).stream().filter(v -> !v.draft() && v.tag() != null).forEach(v -> published.add(v.tag()));
        for (Path versionDir : sortedDirs(dir)) {
            if (published.contains(versionDir.getFileName().toString())) {
                continue;
            }
            List<String> wanted;
            try (Stream<Path> files = Files.walk(versionDir)) {
                wanted = files.filter(Files::isRegularFile).map(f -> versionDir.relativize(f).toString().replace('\\', '/'))
                        .sorted().toList();
            }
            var draft = catalog.draft(actor, ref);
            for (var stale : draft.files()) {
                if (!wanted.contains(stale.path())) {
                    catalog.removeFile(actor, ref, stale.path());
                }
            }
            for (String path : wanted) {
                try (InputStream in = Files.newInputStream(versionDir.resolve(path))) {
                    catalog.upload(actor, ref, path, in, Optional.empty());
                }
            }
            catalog.publish(actor, ref, Optional.of(versionDir.getFileName().toString()));
        }
        return created;
    }

    private static List<Path> sortedDirs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
