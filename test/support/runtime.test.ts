import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  it('runs on Node 24, the version the project ships through its node devDependency', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
