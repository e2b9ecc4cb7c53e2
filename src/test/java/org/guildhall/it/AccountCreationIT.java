package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.guildhall.identity.api.AccountJoined;
import org.guildhall.identity.api.AccountProfile;
import org.guildhall.identity.api.AccountService;
import org.guildhall.identity.api.ProfileChange;
import org.guildhall.platform.security.CallerClaims;
import org.guildhall.platform.validation.ValidationFailedException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside the running server: accounts are made on the first sign-in and refreshed on later ones. */
@ExtendWith(ArquillianExtension.class)
class AccountCreationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.guildhallWithTest(AccountCreationIT.class, JoinedRecorder.class);
    }

    @ApplicationScoped
    public static class JoinedRecorder {
        final List<AccountJoined> seen = new CopyOnWriteArrayList<>();

        void record(@Observes AccountJoined event) {
            seen.add(event);
        }

        // read through a method: a field read on the injected client proxy would see the proxy's own (empty) list
        List<AccountJoined> seen() {
            return List.copyOf(seen);
        }
    }

    @Inject
    AccountService accounts;

    @Inject
    JoinedRecorder recorder;

    @Test
    void theFirstSignInMakesTheAccountAndLaterOnesRefreshIt() {
        String subject = UUID.randomUUID().toString();
        String username = "it-" + subject.substring(0, 8);
        assertThat(accounts.findBySubject(subject)).isEmpty();

        AccountProfile first = accounts.signedIn(new CallerClaims(subject, username, "old@example.org", "Ivy Tester", Set.of("member")));
        assertThat(first.username()).isEqualTo(username);
        assertThat(first.displayName()).isEqualTo("Ivy Tester");
        assertThat(accounts.findBySubject(subject)).contains(first);
        assertThat(recorder.seen()).extracting(AccountJoined::accountId).containsOnlyOnce(first.id());

        AccountProfile again = accounts.signedIn(new CallerClaims(subject, username, "new@example.org", "Renamed At Keycloak", Set.of()));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.email()).isEqualTo("new@example.org");
        // the member's own display name is theirs: the identity provider does not overwrite it
        assertThat(again.displayName()).isEqualTo("Ivy Tester");
        assertThat(recorder.seen()).extracting(AccountJoined::accountId).containsOnlyOnce(first.id());
    }

    @Test
    void aUserNameThatPassesToANewIdentityIsReleasedByTheStaleAccount() {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        AccountProfile old = accounts.signedIn(new CallerClaims(UUID.randomUUID().toString(), name, "", "Old", Set.of()));
        AccountProfile fresh = accounts.signedIn(new CallerClaims(UUID.randomUUID().toString(), name, "", "New", Set.of()));
        assertThat(fresh.id()).isNotEqualTo(old.id());
        assertThat(accounts.findByUsername(name)).map(AccountProfile::id).contains(fresh.id());
        AccountProfile stale = accounts.findBySubject(old.subject()).orElseThrow();
        assertThat(stale.username()).isEqualTo(name + "~" + old.id().toString().substring(0, 8));
        assertThat(stale.displayName()).isEqualTo("Old");
    }

    @Test
    void anInvalidProfileChangeSavesNothing() {
        String subject = UUID.randomUUID().toString();
        accounts.signedIn(new CallerClaims(subject, "it-" + subject.substring(0, 8), "", "", Set.of()));
        assertThatThrownBy(() -> accounts.updateProfile(subject, new ProfileChange("Valid name", "<script>x</script>")))
                .isInstanceOf(ValidationFailedException.class);
        AccountProfile stored = accounts.findBySubject(subject).orElseThrow();
        assertThat(stored.displayName()).isEqualTo("it-" + subject.substring(0, 8));
        assertThat(stored.bio()).isEmpty();

        accounts.updateProfile(subject, new ProfileChange("  Valid name  ", "Plain bio"));
        assertThat(accounts.findBySubject(subject).orElseThrow().displayName()).isEqualTo("Valid name");
    }
}
