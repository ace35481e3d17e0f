import { describe, expect, it } from 'vitest';
import { commandOf } from '../../../bin/outbox-failed';

describe('what `npm run outbox:failed` is asked to do', () => {
  it('lists with no arguments, and retries one entry or all of them when told so exactly', () => {
    expect(commandOf([])).toEqual({ run: 'list' });
    expect(commandOf(['--retry-all'])).toEqual({ run: 'retry-all' });
    expect(commandOf(['--retry', 'ORG#o1#PROG#p1', '01KQ0000000000000000000000'])).toEqual({ run: 'retry', pk: 'ORG#o1#PROG#p1', entryId: '01KQ0000000000000000000000' });
    expect(commandOf(['--help'])).toEqual({ run: 'help' });
    expect(commandOf(['-h'])).toEqual({ run: 'help' });
  });

  it('refuses anything else instead of listing: a mistyped flag, a stray argument, a missing or extra operand', () => {
    for (const argv of [['--retry-al'], ['--list'], ['retry-all'], ['--retry'], ['--retry', 'ORG#o1'], ['--retry', 'ORG#o1', '--retry-all'], ['--retry', 'a', 'b', 'c'], ['--retry-all', 'now'], ['--help', 'me']]) {
      expect(commandOf(argv), argv.join(' ')).toMatchObject({ run: 'misused' });
    }
    expect(commandOf(['--retyr-all'])).toEqual({ run: 'misused', why: 'Unknown option: --retyr-all' });
  });
});
