import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_KIT_LIMITS, blockKitViolations, enforceBlockKitLimits } from '../../src/render/limits.js';
import { truncateText } from '../../src/render/truncate.js';

const sec = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const footer: KnownBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: 'footer' }] };
const actions: KnownBlock = {
  type: 'actions',
  elements: [
    { type: 'button', action_id: 'hcc_share', text: { type: 'plain_text', text: 'Share' }, value: '{}' },
  ],
};

describe('truncateText', () => {
  it('returns text that fits unchanged and marks what it shortens', () => {
    expect(truncateText('abc', 10)).toBe('abc');
    const t = truncateText('x'.repeat(100), 50);
    expect(t).toHaveLength(50);
    expect(t.endsWith('… (shortened)')).toBe(true);
  });

  it('never splits an entity, a link or a surrogate pair', () => {
    for (let max = 14; max < 60; max++) {
      const t = truncateText(`${'a'.repeat(20)}&amp;&lt;<https://x.org|link>😀😀😀${'b'.repeat(60)}`, max);
      expect(t.length).toBeLessThanOrEqual(max);
      expect(t).not.toMatch(/&(a|am|l|g)?(?!amp;|lt;|gt;)…/);
      expect(t).not.toMatch(/<[^>]*…/);
      expect(t).not.toMatch(/[\ud800-\udbff]…/);
    }
  });
});

describe('enforceBlockKitLimits', () => {
  it('shortens section, header and field texts', () => {
    const m = enforceBlockKitLimits({
      text: 'x'.repeat(5000),
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(300) } },
        sec('s'.repeat(4000)),
        {
          type: 'section',
          fields: Array.from({ length: 12 }, (_, i) => ({
            type: 'mrkdwn' as const,
            text: `${i}`.repeat(2500),
          })),
        },
      ],
    });
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.topLevelText);
    expect(m.text).toContain('(shortened)');
  });

  it('keeps the header, the buttons and the footer when it must leave blocks out', () => {
    const blocks: KnownBlock[] = [
      { type: 'header', text: { type: 'plain_text', text: 'Head' } },
      ...Array.from({ length: 70 }, (_, i) => sec(`body ${i}`)),
      actions,
      footer,
    ];
    const m = enforceBlockKitLimits({ text: 'fallback', blocks });
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.blocks).toHaveLength(50);
    expect(m.blocks[0]).toEqual(blocks[0]);
    expect(m.blocks.at(-1)).toEqual(footer);
    expect(m.blocks.at(-2)).toEqual(actions);
    expect(JSON.stringify(m.blocks.at(-3))).toContain('left out');
    expect(JSON.stringify(m.blocks)).toContain('body 0');
  });

  it('keeps within the cumulative text budget', () => {
    const m = enforceBlockKitLimits({
      text: 't',
      blocks: [...Array.from({ length: 10 }, () => sec('y'.repeat(2900))), footer],
    });
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.blocks.at(-1)).toEqual(footer);
  });

  it('drops a button whose value would be cut, empty sections and duplicate block ids', () => {
    const m = enforceBlockKitLimits({
      text: 't',
      blocks: [
        { ...sec('a'), block_id: 'same' },
        { ...sec('b'), block_id: 'same' },
        sec('   '),
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'big',
              text: { type: 'plain_text', text: 'B' },
              value: 'v'.repeat(2001),
            },
            {
              type: 'button',
              action_id: 'ok',
              text: { type: 'plain_text', text: 'x'.repeat(100) },
              value: 'v',
            },
          ],
        },
      ],
    });
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.blocks).toHaveLength(3);
    const buttons = m.blocks[2]?.type === 'actions' ? m.blocks[2].elements : [];
    expect(buttons.map((b) => ('action_id' in b ? b.action_id : ''))).toEqual(['ok']);
  });

  it('reports what it finds', () => {
    const v = blockKitViolations({
      text: '',
      blocks: [
        ...Array.from({ length: 51 }, () => sec('a')),
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
      ],
    });
    expect(v.join('\n')).toMatch(/fallback is missing/);
    expect(v.join('\n')).toMatch(/blocks: 52 > 50/);
    expect(v.join('\n')).toMatch(/151 chars > 150/);
  });

  it('leaves any message within the limits and never throws', () => {
    const text = fc.string({ maxLength: 5000 });
    const block: fc.Arbitrary<KnownBlock> = fc.oneof(
      text.map((t) => sec(t)),
      text.map((t): KnownBlock => ({ type: 'header', text: { type: 'plain_text', text: t } })),
      fc.array(text, { maxLength: 14 }).map(
        (ts): KnownBlock => ({
          type: 'section',
          fields: ts.map((t) => ({ type: 'mrkdwn' as const, text: t })),
        }),
      ),
      fc.array(text, { maxLength: 14 }).map(
        (ts): KnownBlock => ({
          type: 'context',
          elements: ts.map((t) => ({ type: 'mrkdwn' as const, text: t })),
        }),
      ),
      fc
        .array(fc.tuple(fc.string({ maxLength: 300 }), fc.string({ maxLength: 2100 })), { maxLength: 30 })
        .map(
          (bs): KnownBlock => ({
            type: 'actions',
            elements: bs.map(([id, v]) => ({
              type: 'button' as const,
              action_id: id,
              text: { type: 'plain_text' as const, text: v.slice(0, 100) || 'b' },
              value: v,
            })),
          }),
        ),
      fc.constant<KnownBlock>({ type: 'divider' }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 6000 }), fc.array(block, { maxLength: 80 }), (t, blocks) => {
        const m = enforceBlockKitLimits({ text: t, blocks });
        expect(blockKitViolations(m)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
