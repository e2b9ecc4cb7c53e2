package org.guildhall.catalog.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.guildhall.platform.web.Messages;

/** Names of assets and version tags, with the rules of the Hub and messages that say what to fix. */
public final class AssetName {

    public static final int MAX_LENGTH = 96;
    public static final int MAX_TAG_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_TAG_LENGTH - 1) + "}");
    private static final Pattern REVISION = Pattern.compile("r[0-9]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private AssetName() {
    }

    /** Why {@code name} is not a valid asset name, or empty when it is. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(text("catalog.name.empty"));
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of(text("catalog.name.tooLong", MAX_LENGTH));
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(text("catalog.name.characters"));
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of(text("catalog.name.dots"));
        }
        return Optional.empty();
    }

    /** Why {@code tag} is not a valid version tag, or empty when it is. */
    public static Optional<String> tagProblem(String tag) {
        if (tag.length() > MAX_TAG_LENGTH || !TAG.matcher(tag).matches()) {
            return Optional.of(text("catalog.tag.characters", MAX_TAG_LENGTH));
        }
        if (tag.equals("main") || tag.equals("HEAD") || tag.equals("draft") || REVISION.matcher(tag).matches() || HEX.matcher(tag).matches()) {
            return Optional.of(text("catalog.tag.reserved", tag));
        }
        return Optional.empty();
    }

    /** The key under which names are unique: kind and owner/name in lower case. */
    public static String lookupKey(String kind, String owner, String name) {
        return kind + ":" + owner.toLowerCase(Locale.ROOT) + "/" + name.toLowerCase(Locale.ROOT);
    }

    private static String text(String key, Object... args) {
        return Messages.format(Locale.ENGLISH, key, args);
    }
}
