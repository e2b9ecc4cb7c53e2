package org.guildhall.chain.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.guildhall.chain.api.ChainUnavailableException;
import org.guildhall.chain.api.MinedTransaction;
import org.guildhall.chain.api.SignedTransfer;
import org.guildhall.chain.api.TokenChain;
import org.guildhall.chain.api.TokenInfo;
import org.guildhall.chain.api.TokenTransfer;
import org.guildhall.chain.application.ContractDirectory;
import org.guildhall.chain.infrastructure.contracts.GuildhallTestDollar;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The stable token through web3j. The treasury has a key of its own (not the anchoring signer's), so that its
 * transfers and the anchors never compete for nonces. On a development chain without a configured token,
 * Guildhall deploys its test token (owned by the treasury, which mints test money) and keeps its address.
 */
@ApplicationScoped
public class Web3jTokenChain implements TokenChain {

    private static final Logger LOG = Logger.getLogger(Web3jTokenChain.class.getName());
    static final String CONTRACT = "GuildhallTestDollar";
    static final long TRANSFER_GAS = 100_000;
    static final long DEPLOY_GAS = 2_000_000;

    @Inject
    ChainSettings settings;

    @Inject
    ContractDirectory directory;

    private final NodeConnection<Connection> node = new NodeConnection<>(this::setUp);

    record Connection(Web3j web3, Credentials treasury, String token, GuildhallTestDollar reader, GuildhallTestDollar sender) {
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public TokenInfo info() {
        Connection c = connection();
        return new TokenInfo(settings.chainId(), c.token(), c.treasury().getAddress().toLowerCase(Locale.ROOT), settings.confirmations(),
                6, "gUSD");
    }

    @Override
    public long headBlock() {
        return call(c -> c.web3().ethBlockNumber().send().getBlockNumber().longValueExact());
    }

    @Override
    public List<TokenTransfer> transfersTo(String to, long fromBlock, long toBlock) {
        return call(c -> {
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)), c.token());
            filter.addSingleTopic(EventEncoder.encode(GuildhallTestDollar.TRANSFER_EVENT));
            filter.addNullTopic();
            filter.addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(to), 64));
            List<TokenTransfer> out = new ArrayList<>();
            for (EthLog.LogResult<?> r : c.web3().ethGetLogs(filter).send().getLogs()) {
                if (r.get() instanceof Log log && !log.isRemoved()) {
                    out.add(new TokenTransfer(log.getTransactionHash(), log.getLogIndex().intValueExact(), log.getBlockNumber().longValueExact(),
                            address(log.getTopics().get(1)), address(log.getTopics().get(2)), Numeric.toBigInt(log.getData()).longValueExact()));
                }
            }
            return out;
        });
    }

    private static String address(String topic) {
        return "0x" + Numeric.cleanHexPrefix(topic).substring(24).toLowerCase(Locale.ROOT);
    }

    @Override
    public SignedTransfer signTransfer(String to, long amount) {
        return call(c -> {
            BigInteger nonce = c.web3().ethGetTransactionCount(c.treasury().getAddress(), DefaultBlockParameterName.PENDING).send()
                    .getTransactionCount();
            BigInteger price = Web3jAnchorChain.gas(c.web3()).getGasPrice();
            String data = FunctionEncoder.encode(new Function(GuildhallTestDollar.FUNC_TRANSFER,
                    List.of(new Address(to), new Uint256(BigInteger.valueOf(amount))), List.<TypeReference<?>>of()));
            RawTransaction tx = RawTransaction.createTransaction(nonce, price, BigInteger.valueOf(TRANSFER_GAS), c.token(), data);
            String raw = Numeric.toHexString(TransactionEncoder.signMessage(tx, settings.chainId(), c.treasury()));
            return new SignedTransfer(Hash.sha3(raw), raw, nonce.longValueExact());
        });
    }

    @Override
    public void broadcast(String rawTransaction) {
        call(c -> {
            EthSendTransaction sent = c.web3().ethSendRawTransaction(rawTransaction).send();
            if (sent.hasError()) {
                String message = sent.getError().getMessage().toLowerCase(Locale.ROOT);
                // sent before (a retry after a crash or a lost answer): the node has it or has mined it
                if (!message.contains("already known") && !message.contains("nonce too low") && !message.contains("already imported")) {
                    throw new ChainUnavailableException("the node refused the transfer: " + sent.getError().getMessage());
                }
            }
            return null;
        });
    }

    @Override
    public Optional<MinedTransaction> transaction(String txHash) {
        return call(c -> c.web3().ethGetTransactionReceipt(txHash).send().getTransactionReceipt()
                .map(r -> new MinedTransaction(r.getTransactionHash(), r.getBlockNumber().longValueExact(), r.isStatusOK(),
                        r.getGasUsed() == null ? 0 : r.getGasUsed().longValueExact())));
    }

    @Override
    public long minedNonce() {
        return call(c -> c.web3().ethGetTransactionCount(c.treasury().getAddress(), DefaultBlockParameterName.LATEST).send()
                .getTransactionCount().longValueExact());
    }

    @Override
    public long balanceOf(String address) {
        return call(c -> c.reader().balanceOf(address).send().longValueExact());
    }

    @Override
    public String mint(String to, long amount) {
        return call(c -> c.sender().mint(to, BigInteger.valueOf(amount)).send().getTransactionHash());
    }

    private <T> T call(NodeConnection.Call<Connection, T> work) {
        return node.call(settings, "the chain is switched off (GUILDHALL_CHAIN_ENABLED=false)", work);
    }

    private Connection connection() {
        return node.get(settings);
    }

    private Connection setUp(Web3j web3) throws Exception {
        Credentials treasury = Credentials.create(settings.treasuryKey());
        ContractGasProvider gas = new StaticGasProvider(Web3jAnchorChain.gas(web3).getGasPrice(), BigInteger.valueOf(TRANSFER_GAS));
        String token = tokenAddress(web3, treasury);
        TransactionManager waiting = new RawTransactionManager(web3, treasury, settings.chainId(),
                new PollingTransactionReceiptProcessor(web3, 250, 240));
        return new Connection(web3, treasury, token.toLowerCase(Locale.ROOT), GuildhallTestDollar.load(token, web3, treasury, gas),
                GuildhallTestDollar.load(token, web3, waiting, gas));
    }

    private String tokenAddress(Web3j web3, Credentials treasury) throws Exception {
        Optional<String> configured = settings.tokenContract();
        if (configured.isPresent()) {
            if (!Web3jNodes.hasCode(web3, configured.get())) {
                throw new ChainUnavailableException("there is no contract at GUILDHALL_CHAIN_TOKEN_CONTRACT " + configured.get());
            }
            return configured.get();
        }
        Optional<String> known = directory.address(CONTRACT, settings.chainId());
        if (known.isPresent() && Web3jNodes.hasCode(web3, known.get())) {
            return known.get();
        }
        if (!settings.deploy()) {
            throw new ChainUnavailableException("no token contract is configured: set GUILDHALL_CHAIN_TOKEN_CONTRACT");
        }
        TransactionManager waiting = new RawTransactionManager(web3, treasury, settings.chainId(),
                new PollingTransactionReceiptProcessor(web3, 250, 240));
        ContractGasProvider gas = new StaticGasProvider(Web3jAnchorChain.gas(web3).getGasPrice(), BigInteger.valueOf(DEPLOY_GAS));
        String address = GuildhallTestDollar.deploy(web3, waiting, gas, treasury.getAddress()).send().getContractAddress();
        directory.remember(CONTRACT, settings.chainId(), address);
        LOG.info("deployed the test token at " + address + " on chain " + settings.chainId() + " (treasury " + treasury.getAddress() + ")");
        return address;
    }

}
