package org.guildhall.platform.security;

/** Application roles. Each is a Keycloak group of the same name; every signed-in account is a {@link #MEMBER}. */
public final class Roles {
    public static final String MEMBER = "member";
    public static final String CONTRIBUTOR = "contributor";
    public static final String BUYER = "buyer";
    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";

    public static final java.util.Set<String> ALL = java.util.Set.of(MEMBER, CONTRIBUTOR, BUYER, MODERATOR, ADMIN);

    private Roles() {
    }
}
