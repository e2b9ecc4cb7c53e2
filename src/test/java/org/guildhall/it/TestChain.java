package org.guildhall.it;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.guildhall.chain.infrastructure.contracts.GuildhallAnchor;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tuples.generated.Tuple4;

/** The test chain node (anvil, started by ./guildhall test) read directly, the way an outside auditor would. */
final class TestChain {

    static final int PORT = Integer.getInteger("it.chain.port", 8555);
    static final Path DIR = Path.of(System.getProperty("it.chain.dir", "target/it-chain"));

    private TestChain() {
    }

    static String url() {
        return "http://127.0.0.1:" + PORT;
    }

    static <T> T read(String contract, Reader<T> reader) throws Exception {
        Web3j web3 = Web3j.build(new HttpService(url()));
        try {
            GuildhallAnchor anchor = GuildhallAnchor.load(contract, web3, new ReadonlyTransactionManager(web3, contract),
                    new DefaultGasProvider());
            return reader.read(web3, anchor);
        } finally {
            web3.shutdown();
        }
    }

    interface Reader<T> {
        T read(Web3j web3, GuildhallAnchor anchor) throws Exception;
    }

    /** The root the contract holds for a batch (hex), or null. */
    static String rootOf(String contract, long batch) throws Exception {
        return read(contract, (web3, a) -> {
            Tuple4<byte[], BigInteger, BigInteger, BigInteger> t = a.anchorOf(BigInteger.valueOf(batch)).send();
            return t.component2().signum() == 0 ? null : HexFormat.of().formatHex(t.component1());
        });
    }

    static long lastBatch(String contract) throws Exception {
        return read(contract, (web3, a) -> a.lastBatch().send().longValueExact());
    }

    /** How many Anchored events the contract emitted for a batch: exactly one when it was anchored once. */
    static int anchorEvents(String contract, long batch) throws Exception {
        return read(contract, (web3, a) -> {
            EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
            filter.addSingleTopic(EventEncoder.encode(GuildhallAnchor.ANCHORED_EVENT));
            filter.addSingleTopic(org.web3j.utils.Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(batch), 64));
            List<?> logs = web3.ethGetLogs(filter).send().getLogs();
            return logs.size();
        });
    }

    static long pid() throws Exception {
        return Long.parseLong(Files.readString(DIR.resolve("anvil.pid")).strip());
    }

    /** Kills the node without letting it save its state, as a crash would. */
    static void kill() throws Exception {
        ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Starts the node again from its last saved state, with the project's own script. */
    static void start() throws Exception {
        Process p = new ProcessBuilder("./guildhall", "chain-node", String.valueOf(PORT), DIR.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("./guildhall chain-node failed");
        }
    }
}
