package org.guildhall.chain.infrastructure;

import java.io.IOException;
import org.guildhall.chain.api.ChainUnavailableException;
import org.web3j.protocol.Web3j;

/**
 * What both chain adapters keep: a connection to the node made on first use (the node opened with
 * {@link Web3jNodes#open}, then the adapter's contract found or deployed) and dropped after any failure, so that
 * the next call connects, and checks the contract, again.
 */
final class NodeConnection<C> {

    /** Builds the adapter's connection on an opened node. */
    interface Setup<C> {
        C connect(Web3j web3) throws Exception;
    }

    interface Call<C, T> {
        T apply(C connection) throws Exception;
    }

    private final Setup<C> setup;
    private volatile C current;

    NodeConnection(Setup<C> setup) {
        this.setup = setup;
    }

    /** Runs {@code work} on the connection; refused with {@code offMessage} while the chain is switched off. */
    <T> T call(ChainSettings settings, String offMessage, Call<C, T> work) {
        if (!settings.enabled()) {
            throw new ChainUnavailableException(offMessage);
        }
        C c = get(settings);
        try {
            return work.apply(c);
        } catch (ChainUnavailableException e) {
            current = null;
            throw e;
        } catch (Exception e) {
            current = null;
            throw new ChainUnavailableException("the chain node at " + settings.rpcUrl() + " failed: " + e.getMessage(), e);
        }
    }

    C get(ChainSettings settings) {
        C c = current;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (current == null) {
                current = connect(settings);
            }
            return current;
        }
    }

    private C connect(ChainSettings settings) {
        Web3j web3;
        try {
            web3 = Web3jNodes.open(settings);
        } catch (IOException e) {
            throw unreachable(settings, e);
        }
        try {
            return setup.connect(web3);
        } catch (ChainUnavailableException e) {
            throw e;
        } catch (Exception e) {
            web3.shutdown();
            throw unreachable(settings, e);
        }
    }

    private static ChainUnavailableException unreachable(ChainSettings settings, Exception e) {
        return new ChainUnavailableException("the chain node at " + settings.rpcUrl() + " cannot be reached: " + e.getMessage(), e);
    }
}
