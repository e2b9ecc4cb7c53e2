package org.guildhall.identity.api;

import java.util.List;

/** A page of accounts and how many there are in all. */
public record AccountPage(long total, int offset, int limit, List<AccountProfile> items) {
}
