package org.guildhall.identity.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guildhall.chain.api.Signatures;
import org.guildhall.identity.api.LinkedWallet;
import org.guildhall.identity.api.WalletChallengeText;
import org.guildhall.identity.api.WalletLinked;
import org.guildhall.identity.api.WalletService;
import org.guildhall.identity.domain.Account;
import org.guildhall.identity.domain.AccountRepository;
import org.guildhall.identity.domain.LinkedWalletAddress;
import org.guildhall.identity.domain.WalletChallenge;
import org.guildhall.identity.domain.WalletRepository;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.Messages;

@ApplicationScoped
@Transactional
public class DefaultWalletService implements WalletService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    @Inject
    WalletRepository wallets;

    @Inject
    AccountRepository accounts;

    @Inject
    Signatures signatures;

    @Inject
    Event<WalletLinked> linked;

    @Inject
    @ConfigProperty(name = "guildhall.wallet.domain", defaultValue = "localhost")
    String domain;

    @Inject
    @ConfigProperty(name = "guildhall.chain.id", defaultValue = "31337")
    long chainId;

    /** How long a challenge may be signed. */
    @Inject
    @ConfigProperty(name = "guildhall.wallet.challenge-seconds", defaultValue = "600")
    long challengeSeconds;

    Clock clock = Clock.systemUTC();

    @Override
    public WalletChallengeText challenge(UUID accountId, String address) {
        String clean = address == null ? "" : address.strip();
        if (!clean.matches("0x[0-9a-fA-F]{40}")) {
            throw new ValidationFailedException(List.of(FieldError.of("address", "wallet.address.invalid")));
        }
        Account account = accounts.findById(accountId).orElseThrow(() -> RejectedException.notFound(text("wallet.account.missing")));
        String lower = clean.toLowerCase(Locale.ROOT);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(Duration.ofSeconds(challengeSeconds));
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        UUID id = UUID.randomUUID();
        // EIP-4361 (Sign-In with Ethereum) text; a wallet shows it to the member before signing
        String message = domain + " wants you to sign in with your Ethereum account:\n" + signatures.checksummed(lower) + "\n\n"
                + "Link this wallet to the Guildhall account " + account.getUsername() + ".\n\n"
                + "URI: guildhall:wallet-link:" + id + "\n"
                + "Version: 1\n"
                + "Chain ID: " + chainId + "\n"
                + "Nonce: " + HexFormat.of().formatHex(nonce) + "\n"
                + "Issued At: " + ISO.format(now) + "\n"
                + "Expiration Time: " + ISO.format(expires);
        wallets.add(new WalletChallenge(id, accountId, lower, message, now, expires));
        return new WalletChallengeText(id, signatures.checksummed(lower), message, expires);
    }

    @Override
    public LinkedWallet link(UUID accountId, UUID challengeId, String signature) {
        WalletChallenge challenge = wallets.challengeForUpdate(challengeId).filter(c -> c.getAccountId().equals(accountId))
                .orElseThrow(() -> RejectedException.notFound(text("wallet.challenge.unknown")));
        Instant now = clock.instant();
        if (challenge.getUsedAt() != null) {
            throw new RejectedException(RejectedException.Reason.CONFLICT, text("wallet.challenge.used"));
        }
        if (!now.isBefore(challenge.getExpiresAt())) {
            throw new RejectedException(RejectedException.Reason.UNPROCESSABLE, text("wallet.challenge.expired"));
        }
        Optional<String> signer = signatures.personalSigner(challenge.getMessage(), signature);
        if (signer.isEmpty()) {
            throw new ValidationFailedException(List.of(FieldError.of("signature", "wallet.signature.malformed")));
        }
        if (!signer.get().equals(challenge.getAddress())) {
            throw new RejectedException(RejectedException.Reason.UNPROCESSABLE, text("wallet.signature.wrong",
                    signatures.checksummed(signer.get()), signatures.checksummed(challenge.getAddress())));
        }
        challenge.use(now);
        Optional<LinkedWalletAddress> existing = wallets.wallet(challenge.getAddress());
        if (existing.isPresent()) {
            if (existing.get().getAccountId().equals(accountId)) {
                return new LinkedWallet(signatures.checksummed(existing.get().getAddress()), existing.get().getLinkedAt());
            }
            throw RejectedException.conflict(text("wallet.address.taken", signatures.checksummed(challenge.getAddress())));
        }
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        wallets.add(new LinkedWalletAddress(challenge.getAddress(), accountId, at));
        try {
            wallets.flush();
        } catch (PersistenceException raced) {
            throw RejectedException.conflict(text("wallet.address.taken", signatures.checksummed(challenge.getAddress())));
        }
        String username = accounts.findById(accountId).map(Account::getUsername).orElse("");
        linked.fire(new WalletLinked(accountId, username, challenge.getAddress(), challenge.getMessage(), signature.strip(), at));
        return new LinkedWallet(signatures.checksummed(challenge.getAddress()), at);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LinkedWallet> wallets(UUID accountId) {
        return wallets.walletsOf(accountId).stream().map(w -> new LinkedWallet(signatures.checksummed(w.getAddress()), w.getLinkedAt())).toList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> accountOf(String address) {
        return address == null ? Optional.empty()
                : wallets.wallet(address.strip().toLowerCase(Locale.ROOT)).map(LinkedWalletAddress::getAccountId);
    }

    @Override
    public Optional<String> primaryWallet(UUID accountId) {
        return wallets.walletsOf(accountId).stream().findFirst().map(LinkedWalletAddress::getAddress);
    }

    private static String text(String key, Object... args) {
        return Messages.format(Locale.ENGLISH, key, args);
    }
}
