package org.guildhall.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.api.Download;
import org.guildhall.catalog.api.FileAccessPolicy;
import org.guildhall.platform.rest.ByteRange;

/**
 * Sends a file as the Hub does: streamed from the store, with {@code ETag} (the quoted SHA-256),
 * {@code X-Repo-Commit}, {@code Content-Length}, single byte ranges and {@code If-None-Match}.
 */
@ApplicationScoped
public class FileResponses {

    private static final int BUFFER = 1024 * 1024;

    @Inject
    CatalogService catalog;

    @Inject
    Instance<FileAccessPolicy> accessPolicies;

    /** Dev-only default; anonymous download counting hashes the client with it so that no address is kept. */
    @Inject
    @ConfigProperty(name = "guildhall.catalog.client-salt", defaultValue = "guildhall-dev-only-salt")
    String clientSalt;

    public Response send(Download d, String range, String ifRange, String ifNoneMatch, boolean head, Optional<Actor> viewer,
            HttpServletRequest request) {
        String etag = "\"" + d.file().sha256() + "\"";
        long size = d.file().size();
        Response.ResponseBuilder r;
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(etag))) {
            admit(d, viewer, FileAccessPolicy.Use.HEADERS);
            return withHubHeaders(Response.notModified(), d, etag).build();
        }
        ByteRange.Request wanted = ByteRange.ifRangeHolds(Optional.ofNullable(ifRange), etag)
                ? ByteRange.parse(range, size) : new ByteRange.Whole();
        long first;
        long length;
        if (wanted instanceof ByteRange.Unsatisfiable) {
            admit(d, viewer, FileAccessPolicy.Use.HEADERS);
            return withHubHeaders(Response.status(416), d, etag).header("Content-Range", "bytes */" + size).build();
        } else if (wanted instanceof ByteRange.Partial p) {
            first = p.range().first();
            length = p.range().length();
            r = Response.status(206).header("Content-Range", p.range().contentRange(size));
        } else {
            first = 0;
            length = size;
            r = Response.ok();
        }
        r = withHubHeaders(r, d, etag).header("Content-Length", length).type("application/octet-stream")
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encode(fileName(d.file().path())));
        // refused (403, 402) before a byte of the file is written; a download is charged here, once
        admit(d, viewer, head ? FileAccessPolicy.Use.HEADERS : FileAccessPolicy.Use.DOWNLOAD);
        if (head) {
            return r.build();
        }
        if (first == 0) {
            catalog.recordDownload(d, clientKey(viewer, request));
        }
        long start = first;
        boolean toTheEnd = first + length == size;
        StreamingOutput body = out -> {
            try (InputStream in = catalog.open(d.file(), start)) {
                long sent = toTheEnd ? in.transferTo(out) : copy(in, out, length);
                if (sent != length) {
                    throw new IOException("stored file " + d.file().sha256() + " is " + (sent < length ? "shorter" : "longer") + " than recorded");
                }
            }
        };
        return r.entity(body).build();
    }

    private static long copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        return length - left;
    }

    private void admit(Download d, Optional<Actor> viewer, FileAccessPolicy.Use use) {
        if (!d.version().draft()) {
            accessPolicies.forEach(p -> p.admit(d, viewer, use));
        }
    }

    private static Response.ResponseBuilder withHubHeaders(Response.ResponseBuilder r, Download d, String etag) {
        r.header("ETag", etag).header("Accept-Ranges", "bytes").header("X-Guildhall-Revision", "r" + d.version().revision());
        if (d.version().commit() != null) {
            r.header("X-Repo-Commit", d.version().commit());
        }
        // a published version never changes, so its file may be cached; a draft's may change at any time
        return r.header("Cache-Control", d.version().draft() ? "no-store" : "private, max-age=0, must-revalidate");
    }

    /** The account, or for anonymous clients a salted hash of address and agent: counted, never kept in clear. */
    String clientKey(Optional<Actor> viewer, HttpServletRequest request) {
        if (viewer.isPresent()) {
            return viewer.get().accountId().toString();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(clientSalt.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(request.getRemoteAddr()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(request.getHeader("User-Agent")).getBytes(StandardCharsets.UTF_8));
            return "anon:" + HexFormat.of().formatHex(sha.digest(), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
