package org.guildhall.catalog.api;

import java.util.Optional;

/**
 * Decides, before a byte is sent, whether a viewer may receive a published file. The catalogue serves every
 * file, and every preview of one, through the policies that the application provides (the market's licences,
 * for one); with none, published files are open to all.
 *
 * <p>A policy refuses with {@code RejectedException}: {@code FORBIDDEN} when the viewer needs a licence or the
 * owner's approval, {@code PAYMENT_REQUIRED} when a use must be paid for and the balance is short.
 */
public interface FileAccessPolicy {

    /** What the viewer is about to receive. */
    enum Use {
        /** The file's content (whole or a range): a chargeable use. */
        DOWNLOAD,
        /** The file's headers only ({@code HEAD}, {@code 304}, {@code 416}): never charged. */
        HEADERS,
        /** The first rows of a dataset file, shown on the asset page: never charged. */
        PREVIEW
    }

    void admit(Download download, Optional<Actor> viewer, Use use);
}
