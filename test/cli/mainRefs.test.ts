import { describe, expect, it, vi } from 'vitest';
import { fakeIo } from './fakeIo.js';

const refsCommand = vi.fn(async () => 0);
vi.mock('../../src/cli/commands/refs.js', () => ({ refsCommand }));

describe('hcc-mdt refs', () => {
  it('is delegated to refsCommand with the remaining arguments and its exit code', async () => {
    const { main } = await import('../../src/cli/main.js');
    const f = fakeIo();
    refsCommand.mockResolvedValueOnce(2);
    expect(await main(['refs', 'IMbrave150', '--json'], f.io)).toBe(2);
    expect(refsCommand).toHaveBeenCalledWith(['IMbrave150', '--json'], f.io);
  });
});
