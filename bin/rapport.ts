import { createApp } from '../lib/app';

try {
  createApp();
} catch (error) {
  // A configuration mistake (see lib/config.ts) reads better as one line than as a stack trace.
  console.error(`\n${(error as Error).message}\n`);
  process.exit(1);
}
