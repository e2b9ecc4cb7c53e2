package org.guildhall.catalog.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guildhall.catalog.api.AssetChanged;
import org.guildhall.catalog.api.AssetSummary;
import org.guildhall.catalog.domain.Asset;
import org.guildhall.catalog.domain.AssetIndex;
import org.guildhall.catalog.domain.CardParser;
import org.guildhall.catalog.domain.CatalogRepository;

/**
 * Keeps the search index in step with the database: each committed change is indexed at once (visible to
 * the next search), the index is committed every few seconds with a watermark (the newest change time it
 * holds), and at start-up and every half minute the changes since the watermark are indexed again — which
 * also picks up changes made by other instances. A missing or unreadable index is rebuilt from the database.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogIndexer {

    private static final Logger LOG = Logger.getLogger(CatalogIndexer.class.getName());
    /** How far before the watermark catch-up looks: transactions commit out of order. */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    static final int RECENT_DAYS = 7;
    private static final int PAGE = 1000;

    @Inject
    AssetIndex index;

    @Inject
    CatalogRepository repo;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> newestIndexed = new AtomicReference<>(Instant.EPOCH);
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private ScheduledFuture<?> commits;
    private ScheduledFuture<?> catchUps;
    private ScheduledFuture<?> daily;

    @PostConstruct
    void start() {
        scheduler.execute(this::catchUpOrRebuild);
        commits = scheduler.scheduleWithFixedDelay(this::commitIfDirty, 5, 5, TimeUnit.SECONDS);
        catchUps = scheduler.scheduleWithFixedDelay(this::catchUpOrRebuild, 30, 30, TimeUnit.SECONDS);
        // trending counts the last seven days: a daily rebuild lets old activity fade from assets nobody touched
        daily = scheduler.scheduleWithFixedDelay(this::rebuildQuietly, 24, 24, TimeUnit.HOURS);
    }

    private void rebuildQuietly() {
        try {
            rebuild();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "daily search index rebuild failed; the index keeps its current content", e);
        }
    }

    @PreDestroy
    void stop() {
        if (commits != null) {
            commits.cancel(false);
        }
        if (catchUps != null) {
            catchUps.cancel(false);
        }
        if (daily != null) {
            daily.cancel(false);
        }
        commitIfDirty();
    }

    /** Indexes a change once its transaction has committed; a failure is repaired by the next catch-up. */
    public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AssetChanged change) {
        try {
            repo.asset(change.assetId()).ifPresent(a -> upsert(List.of(a)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "asset " + change.assetId() + " not indexed now; the next catch-up will", e);
        }
    }

    /** Indexes the changes since the watermark, or rebuilds the index when it is new, unreadable or incomplete. */
    public void catchUpOrRebuild() {
        if (rebuilding.get()) {
            return;
        }
        try {
            Optional<Instant> watermark = index.watermark();
            long inDatabase = repo.publishedAssetCount();
            if (watermark.isEmpty() && inDatabase > 0 || index.size() > inDatabase) {
                rebuild();
                return;
            }
            Instant since = watermark.orElse(Instant.EPOCH).minus(OVERLAP);
            List<Asset> batch = repo.assetsChangedSince(since);
            if (!batch.isEmpty()) {
                upsert(batch);
            }
            if (index.size() < inDatabase) {
                rebuild();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "search index catch-up failed; retried in 30 seconds", e);
        }
    }

    /** Replaces the index by what the database holds. */
    public void rebuild() throws IOException {
        if (!rebuilding.compareAndSet(false, true)) {
            return;
        }
        try {
            long started = System.nanoTime();
            Instant watermark = repo.newestChange().orElse(Instant.EPOCH);
            LocalDate since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(RECENT_DAYS - 1L);
            index.rebuild(pages().map(a -> summary(a, since)), watermark);
            newestIndexed.accumulateAndGet(watermark, (a, b) -> a.isAfter(b) ? a : b);
            LOG.info(() -> "Search index rebuilt from the database: " + sizeOrUnknown() + " assets in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } finally {
            rebuilding.set(false);
        }
    }

    /** All published assets, read a page at a time so that a large catalogue is never held in memory. */
    private Stream<Asset> pages() {
        Iterator<Asset> it = new Iterator<>() {
            private List<Asset> page = repo.publishedAssetsAfter(null, PAGE);
            private int i;

            @Override
            public boolean hasNext() {
                if (i < page.size()) {
                    return true;
                }
                if (page.size() < PAGE) {
                    return false;
                }
                page = repo.publishedAssetsAfter(page.get(page.size() - 1).getId(), PAGE);
                i = 0;
                return !page.isEmpty();
            }

            @Override
            public Asset next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return page.get(i++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Indexes published assets; an asset without a published version is not searchable. */
    private void upsert(List<Asset> assets) {
        LocalDate since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(RECENT_DAYS - 1L);
        try {
            for (Asset a : assets) {
                if (!a.isListed()) {
                    index.remove(a.getId());
                }
            }
            index.upsert(assets.stream().filter(Asset::isListed).map(a -> summary(a, since)).toList());
            assets.forEach(a -> newestIndexed.accumulateAndGet(a.getChangedAt(), (x, y) -> x.isAfter(y) ? x : y));
            dirty.set(true);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "search index update failed; the next catch-up repeats it", e);
        }
    }

    private AssetSummary summary(Asset a, LocalDate recentSince) {
        long recentDownloads = repo.recentDownloads(a.getId(), recentSince);
        long recentLikes = repo.recentLikes(a.getId(), recentSince.atStartOfDay().toInstant(ZoneOffset.UTC));
        String card = Optional.ofNullable(a.getLatestVersionId()).flatMap(repo::version)
                .map(v -> v.getCardMarkdown() == null ? "" : CardParser.parse(v.getCardMarkdown()).body()).orElse("");
        return DefaultCatalogService.summaryOf(a, recentDownloads, recentLikes, card);
    }

    private void commitIfDirty() {
        if (dirty.getAndSet(false)) {
            try {
                index.commit(newestIndexed.get());
            } catch (IOException | RuntimeException e) {
                dirty.set(true);
                LOG.log(Level.WARNING, "search index commit failed; retried in 5 seconds", e);
            }
        }
    }

    private String sizeOrUnknown() {
        try {
            return Long.toString(index.size());
        } catch (IOException e) {
            return "?";
        }
    }
}
