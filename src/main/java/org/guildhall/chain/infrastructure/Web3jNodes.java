package org.guildhall.chain.infrastructure;

import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.guildhall.chain.api.ChainUnavailableException;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

/** What the chain adapters share: a connection to the configured node, checked to serve the configured chain. */
final class Web3jNodes {

    private Web3jNodes() {
    }

    /**
     * A client of the node at the configured RPC URL, with the configured timeouts, once the node has said it
     * serves the configured chain id.
     *
     * @throws ChainUnavailableException if it serves another chain
     * @throws IOException if it cannot be reached
     */
    static Web3j open(ChainSettings settings) throws IOException {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(settings.timeoutSeconds()))
                .readTimeout(Duration.ofSeconds(settings.timeoutSeconds())).build();
        Web3j web3 = Web3j.build(new HttpService(settings.rpcUrl(), http));
        try {
            long chainId = web3.ethChainId().send().getChainId().longValueExact();
            if (chainId != settings.chainId()) {
                throw new ChainUnavailableException("the node at " + settings.rpcUrl() + " serves chain " + chainId
                        + ", but GUILDHALL_CHAIN_ID is " + settings.chainId());
            }
            return web3;
        } catch (IOException | RuntimeException e) {
            web3.shutdown();
            throw e;
        }
    }

    /** Whether a contract lives at {@code address} (a development node that lost its state has none). */
    static boolean hasCode(Web3j web3, String address) throws IOException {
        String code = web3.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
        return code != null && code.length() > 2;
    }
}
