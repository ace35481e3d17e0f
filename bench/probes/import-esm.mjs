// Loads one ES-module Lambda bundle as the Node.js runtime does (import) in this fresh process and
// prints the CPU time the load took, in microseconds (user + system: not wall time).
import { pathToFileURL } from 'node:url';

const url = pathToFileURL(process.argv[2]).href;
const before = process.cpuUsage();
const bundle = await import(url);
const used = process.cpuUsage(before);
if (typeof bundle.handler !== 'function') throw new Error(`${url} exports no handler`);
process.stdout.write(String(used.user + used.system));
