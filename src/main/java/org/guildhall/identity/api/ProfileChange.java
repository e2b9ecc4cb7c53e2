package org.guildhall.identity.api;

/** What a member may change of their own profile. */
public record ProfileChange(String displayName, String bio) {
}
