// wasm-opt -Oz on many modules in one process, for `cargo xtask split-wasm` (xtask/src/split/tools.rs).
//
//   node wasm_opt_batch.mjs <binaryen/index.js> [-g]  < jobs
//
// Each line of standard input is "<input wasm>\t<output wasm>". The npm wasm-opt is binaryen compiled to
// wasm: every run spends about half a second compiling that before it reads a byte, which ~400 split
// modules turned into 5.5 minutes of a release build. binaryen.js is the same binaryen 132, loaded once
// here. The settings are those of `wasm-opt -Oz` (optimize level 2, shrink level 2, Stack IR generated and
// optimized as the -O levels do when writing, the module's own features, no names without -g): the
// outputs are the command's byte for byte (checked on all 406 modules of a build).
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const [binaryenPath, ...flags] = process.argv.slice(2);
const binaryen = (await import(pathToFileURL(binaryenPath).href)).default;
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setGenerateStackIR(true);
binaryen.setOptimizeStackIR(true);
binaryen.setDebugInfo(flags.includes('-g'));

const jobs = fs.readFileSync(0, 'utf8').split('\n').filter((line) => line.length > 0);
for (const job of jobs) {
  const [from, to] = job.split('\t');
  const module = binaryen.readBinary(fs.readFileSync(from));
  if (!module.validate()) {
    console.error(`${from}: binaryen found the module invalid`);
    process.exit(1);
  }
  module.optimize();
  fs.writeFileSync(to, module.emitBinary());
  module.dispose();
}
