package org.guildhall.chain.api;

import java.util.Optional;

/** Ethereum signatures, checked without any chain node. */
public interface Signatures {

    /**
     * The address (lower-case {@code 0x…}) whose key made {@code signatureHex} (65 bytes: r, s, v) over
     * {@code message} as an EIP-191 personal message ({@code personal_sign}, as wallets sign EIP-4361 messages);
     * empty when the signature is malformed.
     */
    Optional<String> personalSigner(String message, String signatureHex);

    /** The EIP-55 mixed-case form of an address, as wallets show it. */
    String checksummed(String address);
}
