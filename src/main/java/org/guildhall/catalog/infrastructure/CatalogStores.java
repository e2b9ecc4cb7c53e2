package org.guildhall.catalog.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guildhall.catalog.domain.AssetIndex;
import org.guildhall.catalog.domain.BlobStore;

/**
 * Where the catalogue keeps what is not in the database: files under {@code <data>/files}, the search
 * index under {@code <data>/index/catalog}. Both are local by default; each instance of a cluster keeps its
 * own index (rebuildable from the database), and files can move to an object store behind {@link BlobStore}.
 */
@ApplicationScoped
public class CatalogStores {

    private static final Logger LOG = Logger.getLogger(CatalogStores.class.getName());

    /** Hashes uploads while their request threads read and write them. */
    @Resource
    ManagedExecutorService executor;

    @Produces
    @ApplicationScoped
    BlobStore blobStore(@ConfigProperty(name = "guildhall.data.dir") String dataDir,
            @ConfigProperty(name = "guildhall.catalog.direct-io", defaultValue = "true") boolean directIo) {
        try {
            LocalBlobStore store = new LocalBlobStore(Path.of(dataDir, "files"), executor, directIo);
            boolean direct = store.writesDirect();
            LOG.info(() -> "Uploads are written to " + dataDir + "/files " + (direct ? "with direct I/O" : "through the page cache"));
            // an upload cut off by a crash leaves a temporary file; a day is longer than any upload lasts
            int reclaimed = store.reclaimTemporaryFiles(Duration.ofDays(1));
            if (reclaimed > 0) {
                LOG.info(() -> "Removed " + reclaimed + " temporary files of interrupted uploads");
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("The file store under " + dataDir + "/files cannot be opened", e);
        }
    }

    @Produces
    @ApplicationScoped
    AssetIndex assetIndex(@ConfigProperty(name = "guildhall.data.dir") String dataDir) {
        try {
            Path dir = Files.createDirectories(Path.of(dataDir, "index", "catalog"));
            return new LuceneAssetIndex(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("The search index under " + dataDir + "/index cannot be opened", e);
        }
    }

    void close(@Disposes AssetIndex index) {
        try {
            index.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "search index not closed cleanly; it is checked at the next start", e);
        }
    }
}
