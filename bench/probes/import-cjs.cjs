// Loads one CommonJS Lambda bundle as the Node.js runtime does (require) in this fresh process and
// prints the CPU time the load took, in microseconds (user + system: not wall time).
const file = process.argv[2];
const before = process.cpuUsage();
const bundle = require(file);
const used = process.cpuUsage(before);
if (typeof bundle.handler !== 'function') throw new Error(`${file} exports no handler`);
process.stdout.write(String(used.user + used.system));
