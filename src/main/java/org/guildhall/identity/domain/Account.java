package org.guildhall.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A person known to Guildhall, made from the identity provider's subject. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String subject;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false, length = 80)
    private String displayName;

    @Column(nullable = false, length = 2000)
    private String bio;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private Instant joinedAt;

    @Column(name = "last_sign_in_at", nullable = false)
    private Instant lastSignInAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Account() {
    }

    public Account(String subject, String username, String email, String displayName, Instant now) {
        this.id = UUID.randomUUID();
        this.subject = subject;
        this.username = username;
        this.email = email;
        this.displayName = displayName;
        this.bio = "";
        this.joinedAt = now;
        this.lastSignInAt = now;
        this.updatedAt = now;
    }

    /** Takes what the identity provider says now; the member's own display name and bio stay. */
    public void refreshFromIdentityProvider(String username, String email, Instant now) {
        this.username = username;
        this.email = email;
        this.lastSignInAt = now;
        this.updatedAt = now;
    }

    public void changeProfile(String displayName, String bio, Instant now) {
        this.displayName = displayName;
        this.bio = bio;
        this.updatedAt = now;
    }

    public boolean differsFromIdentityProvider(String username, String email) {
        return !this.username.equals(username) || !this.email.equals(email);
    }

    public UUID getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getBio() {
        return bio;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
