package org.guildhall.chain.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.guildhall.chain.api.AnchorChain;
import org.guildhall.chain.api.ChainInfo;
import org.guildhall.chain.api.ChainUnavailableException;
import org.guildhall.chain.api.MinedTransaction;
import org.guildhall.chain.api.OnChainAnchor;
import org.guildhall.chain.application.ContractDirectory;
import org.guildhall.chain.infrastructure.contracts.GuildhallAnchor;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.response.NoOpProcessor;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tuples.generated.Tuple4;
import org.web3j.utils.Numeric;

/**
 * The anchor registry through web3j and any EVM JSON-RPC endpoint. The connection is made on first use and
 * dropped after any failure, so that a node that comes back (or comes back empty, as a fresh development node
 * does) is found again: a development contract that vanished with its node's state is deployed anew.
 */
@ApplicationScoped
public class Web3jAnchorChain implements AnchorChain {

    private static final Logger LOG = Logger.getLogger(Web3jAnchorChain.class.getName());
    static final String CONTRACT = "GuildhallAnchor";
    static final long ANCHOR_GAS = 200_000;
    static final long DEPLOY_GAS = 1_500_000;

    @Inject
    ChainSettings settings;

    @Inject
    ContractDirectory directory;

    private final NodeConnection<Connection> node = new NodeConnection<>(this::setUp);

    record Connection(Web3j web3, Credentials signer, GuildhallAnchor reader, GuildhallAnchor sender, String address) {
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public ChainInfo info() {
        Connection c = connection();
        return new ChainInfo(settings.chainId(), c.address(), c.signer().getAddress(), headBlock(), settings.confirmations());
    }

    @Override
    public long lastAnchoredBatch() {
        return call(c -> c.reader().lastBatch().send().longValueExact());
    }

    @Override
    public Optional<OnChainAnchor> anchorOf(long batchNo) {
        return call(c -> anchor(c.reader(), batchNo));
    }

    @Override
    public Optional<OnChainAnchor> anchorOf(long batchNo, long block) {
        return call(c -> {
            GuildhallAnchor atBlock = GuildhallAnchor.load(c.address(), c.web3(), c.signer(), gas(c.web3()));
            atBlock.setDefaultBlockParameter(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)));
            return anchor(atBlock, batchNo);
        });
    }

    private static Optional<OnChainAnchor> anchor(GuildhallAnchor contract, long batchNo) throws Exception {
        Tuple4<byte[], BigInteger, BigInteger, BigInteger> a = contract.anchorOf(BigInteger.valueOf(batchNo)).send();
        if (a.component2().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new OnChainAnchor(batchNo, HexFormat.of().formatHex(a.component1()), a.component2().longValueExact(),
                a.component3().longValueExact(), a.component4().longValueExact()));
    }

    @Override
    public String submitAnchor(long batchNo, String rootHex, long entryCount, String prevRootHex) {
        return call(c -> {
            TransactionReceipt sent = c.sender().anchor(BigInteger.valueOf(batchNo), HexFormat.of().parseHex(rootHex),
                    BigInteger.valueOf(entryCount), HexFormat.of().parseHex(prevRootHex)).send();
            return sent.getTransactionHash();
        });
    }

    @Override
    public Optional<MinedTransaction> transaction(String txHash) {
        return call(c -> c.web3().ethGetTransactionReceipt(txHash).send().getTransactionReceipt().map(Web3jAnchorChain::mined));
    }

    @Override
    public Optional<MinedTransaction> anchorTransaction(long batchNo) {
        return call(c -> {
            EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, c.address());
            filter.addSingleTopic(EventEncoder.encode(GuildhallAnchor.ANCHORED_EVENT));
            filter.addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(batchNo), 64));
            List<EthLog.LogResult> logs = c.web3().ethGetLogs(filter).send().getLogs();
            for (EthLog.LogResult<?> r : logs) {
                if (r.get() instanceof Log log && !log.isRemoved()) {
                    return transaction(log.getTransactionHash());
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public long headBlock() {
        return call(c -> c.web3().ethBlockNumber().send().getBlockNumber().longValueExact());
    }

    private static MinedTransaction mined(TransactionReceipt r) {
        return new MinedTransaction(r.getTransactionHash(), r.getBlockNumber().longValueExact(), r.isStatusOK(),
                r.getGasUsed() == null ? 0 : r.getGasUsed().longValueExact());
    }

    private <T> T call(NodeConnection.Call<Connection, T> work) {
        return node.call(settings, "anchoring is switched off (GUILDHALL_CHAIN_ENABLED=false)", work);
    }

    private Connection connection() {
        return node.get(settings);
    }

    private Connection setUp(Web3j web3) throws Exception {
        Credentials signer = Credentials.create(settings.signerKey());
        ContractGasProvider gas = gas(web3);
        String address = contractAddress(web3, signer, gas);
        TransactionManager noWait = new RawTransactionManager(web3, signer, settings.chainId(), new NoOpProcessor(web3));
        return new Connection(web3, signer, GuildhallAnchor.load(address, web3, signer, gas),
                GuildhallAnchor.load(address, web3, noWait, gas), address);
    }

    private String contractAddress(Web3j web3, Credentials signer, ContractGasProvider gas) throws Exception {
        Optional<String> configured = settings.anchorContract();
        if (configured.isPresent()) {
            if (!Web3jNodes.hasCode(web3, configured.get())) {
                throw new ChainUnavailableException("there is no contract at GUILDHALL_CHAIN_ANCHOR_CONTRACT " + configured.get()
                        + " on chain " + settings.chainId());
            }
            return configured.get();
        }
        Optional<String> known = directory.address(CONTRACT, settings.chainId());
        if (known.isPresent() && Web3jNodes.hasCode(web3, known.get())) {
            return known.get();
        }
        if (!settings.deploy()) {
            throw new ChainUnavailableException("no anchor contract is configured: set GUILDHALL_CHAIN_ANCHOR_CONTRACT");
        }
        if (known.isPresent()) {
            LOG.warning("the anchor contract " + known.get() + " is gone from chain " + settings.chainId()
                    + " (a development node that lost its state); deploying a new one, and every batch will be anchored again");
        }
        TransactionManager waiting = new RawTransactionManager(web3, signer, settings.chainId(),
                new PollingTransactionReceiptProcessor(web3, 250, 240));
        GuildhallAnchor deployed = GuildhallAnchor.deploy(web3, waiting, gas, signer.getAddress()).send();
        String address = deployed.getContractAddress();
        directory.remember(CONTRACT, settings.chainId(), address);
        LOG.info("deployed the anchor contract at " + address + " on chain " + settings.chainId());
        return address;
    }


    /** The node's own gas price (with a quarter on top, so that a rising base fee does not strand the anchor). */
    static ContractGasProvider gas(Web3j web3) {
        return new ContractGasProvider() {
            @Override
            public BigInteger getGasPrice(String function) {
                return getGasPrice();
            }

            @Override
            public BigInteger getGasPrice() {
                try {
                    BigInteger price = web3.ethGasPrice().send().getGasPrice();
                    return price.add(price.shiftRight(2));
                } catch (IOException e) {
                    throw new ChainUnavailableException("the chain node did not give a gas price: " + e.getMessage(), e);
                }
            }

            @Override
            public BigInteger getGasLimit(String function) {
                return BigInteger.valueOf(GuildhallAnchor.FUNC_ANCHOR.equals(function) ? ANCHOR_GAS : DEPLOY_GAS);
            }

            @Override
            public BigInteger getGasLimit() {
                return BigInteger.valueOf(DEPLOY_GAS);
            }
        };
    }
}
