package org.guildhall.platform.security;

import java.util.Set;

/**
 * What Guildhall knows of the signed-in caller from the identity provider's token.
 *
 * @param subject the issuer's stable subject identifier ({@code sub})
 * @param username the preferred user name
 * @param email the e-mail address, possibly empty
 * @param displayName the full name, possibly empty
 * @param groups the groups from the token, mapped one to one onto roles
 */
public record CallerClaims(String subject, String username, String email, String displayName, Set<String> groups) {

    public CallerClaims {
        groups = Set.copyOf(groups);
    }

    /** The same caller, also in {@code group}. */
    public CallerClaims withGroup(String group) {
        Set<String> more = new java.util.HashSet<>(groups);
        more.add(group);
        return new CallerClaims(subject, username, email, displayName, more);
    }
}
