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
// imports such as @openzeppelin/contracts/… resolve to the pinned npm packages in node_modules
const contractsDir = path.dirname(new URL(import.meta.url).pathname);
function findImports(importPath) {
  const file = path.join(contractsDir, 'node_modules', importPath);
  if (!file.startsWith(path.join(contractsDir, 'node_modules') + path.sep) || !fs.existsSync(file)) {
    return { error: `not found: ${importPath}` };
  }
  return { contents: fs.readFileSync(file, 'utf8') };
}
const result = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (result.errors ?? []).filter((e) => e.severity === 'error');
for (const e of result.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);
fs.mkdirSync(out, { recursive: true });
for (const [file, contracts] of Object.entries(result.contracts)) {
  // only Guildhall's own contracts get wrappers; the libraries they import are compiled into them
  if (!(file in sources)) continue;
  for (const [name, c] of Object.entries(contracts)) {
    fs.writeFileSync(path.join(out, `${name}.abi`), JSON.stringify(c.abi));
    fs.writeFileSync(path.join(out, `${name}.bin`), c.evm.bytecode.object);
    console.log(`compiled ${file}:${name} with solc ${solc.version()} (evm ${EVM_VERSION})`);
  }
}
