package org.guildhall.market.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guildhall.chain.api.MinedTransaction;
import org.guildhall.chain.api.SignedTransfer;
import org.guildhall.chain.api.TokenChain;
import org.guildhall.chain.api.TokenInfo;
import org.guildhall.chain.api.TokenTransfer;

/** A token chain in memory, for the books' side of deposits and withdrawals (the real chain runs in MarketChainIT). */
final class FakeTokenChain implements TokenChain {

    static final String TOKEN = "0x00000000000000000000000000000000000000aa";
    static final String TREASURY = "0x00000000000000000000000000000000000000bb";

    final List<TokenTransfer> transfers = new ArrayList<>();
    final Map<String, MinedTransaction> mined = new HashMap<>();
    final List<String> broadcasts = new ArrayList<>();
    long head = 100;
    long nonce;
    long minedNonce;

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public TokenInfo info() {
        return new TokenInfo(31337, TOKEN, TREASURY, 2, 6, "gUSD");
    }

    @Override
    public long headBlock() {
        return head;
    }

    @Override
    public List<TokenTransfer> transfersTo(String to, long fromBlock, long toBlock) {
        return transfers.stream().filter(t -> t.to().equals(to) && t.block() >= fromBlock && t.block() <= toBlock).toList();
    }

    @Override
    public SignedTransfer signTransfer(String to, long amount) {
        long n = nonce++;
        return new SignedTransfer("0xtx" + n, "0xraw" + n, n);
    }

    @Override
    public void broadcast(String rawTransaction) {
        broadcasts.add(rawTransaction);
    }

    @Override
    public Optional<MinedTransaction> transaction(String txHash) {
        return Optional.ofNullable(mined.get(txHash));
    }

    @Override
    public long minedNonce() {
        return minedNonce;
    }

    @Override
    public long balanceOf(String address) {
        return 0;
    }

    @Override
    public String mint(String to, long amount) {
        return "0xmint";
    }
}
