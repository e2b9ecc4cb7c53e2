// Compiles every contract in src/ with the pinned solc (solcjs from npm) and the pinned EVM version, and
// writes <Name>.abi and <Name>.bin for web3j codegen into the directory given as the first argument.
import fs from 'node:fs';
import path from 'node:path';
import solc from 'solc';

const EVM_VERSION = 'cancun';
const out = process.argv[2] ?? 'build';
const srcDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'src');
const sources = {};
for (const f of fs.readdirSync(srcDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[f] = { content: fs.readFileSync(path.join(srcDir, f), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: EVM_VERSION,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const result = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (result.errors ?? []).filter((e) => e.severity === 'error');
for (const e of result.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);
fs.mkdirSync(out, { recursive: true });
for (const [file, contracts] of Object.entries(result.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    fs.writeFileSync(path.join(out, `${name}.abi`), JSON.stringify(c.abi));
    fs.writeFileSync(path.join(out, `${name}.bin`), c.evm.bytecode.object);
    console.log(`compiled ${file}:${name} with solc ${solc.version()} (evm ${EVM_VERSION})`);
  }
}
