package org.guildhall.identity.domain;

import java.util.Optional;

public interface AccountRepository {

    Optional<Account> findBySubject(String subject);

    Optional<Account> findByUsername(String username);

    Optional<Account> findById(java.util.UUID id);

    void add(Account account);

    java.util.List<Account> newestFirst(int offset, int limit);

    long count();

    /** Writes pending changes now, so that a later insert sees them (unique user names). */
    void flush();
}
