package org.guildhall.identity.domain;

import java.util.Optional;

public interface AccountRepository {

    Optional<Account> findBySubject(String subject);

    Optional<Account> findByUsername(String username);

    void add(Account account);
}
