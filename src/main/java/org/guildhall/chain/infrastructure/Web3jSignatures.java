package org.guildhall.chain.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.guildhall.chain.api.Signatures;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

@ApplicationScoped
public class Web3jSignatures implements Signatures {

    @Override
    public Optional<String> personalSigner(String message, String signatureHex) {
        if (message == null || signatureHex == null || !signatureHex.strip().matches("(0x)?[0-9a-fA-F]{130}")) {
            return Optional.empty();
        }
        byte[] sig = Numeric.hexStringToByteArray(signatureHex.strip());
        byte v = sig[64];
        if (v < 27) {
            v += 27; // some signers give the recovery id as 0/1
        }
        if (v != 27 && v != 28) {
            return Optional.empty();
        }
        Sign.SignatureData data = new Sign.SignatureData(v, Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
        try {
            BigInteger key = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data);
            return Optional.of("0x" + Keys.getAddress(key).toLowerCase(Locale.ROOT));
        } catch (SignatureException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String checksummed(String address) {
        return Keys.toChecksumAddress(address);
    }
}
