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
    @ConfigProperty(name = "guildhall.demo.dir", defaultValue = "")
    String demoDir;

    @Inject
    CatalogService catalog;

    @Inject
    AccountService accounts;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        if (!demoDir.isBlank()) {
            executor.execute(() -> {
                try {
                    seed(Path.of(demoDir));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "demo catalogue not seeded completely from " + demoDir, e);
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

    private boolean seedAsset(Actor actor, AssetKind kind, Path dir) throws IOException {
        AssetRef ref = new AssetRef(kind, actor.username(), dir.getFileName().toString());
        if (catalog.find(ref, Optional.of(actor)).isPresent()) {
            return false;
        }
        Properties props = new Properties();
        Path propsFile = dir.resolve("asset.properties");
        if (Files.exists(propsFile)) {
            try (Reader r = Files.newBufferedReader(propsFile, StandardCharsets.UTF_8)) {
                props.load(r);
            }
        }
        catalog.create(actor, kind, ref.name(), props.getProperty("summary", ""));
        for (Path versionDir : sortedDirs(dir)) {
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
        return true;
    }

    private static List<Path> sortedDirs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
