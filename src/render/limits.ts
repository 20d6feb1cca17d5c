import type { ActionsBlockElement, Button, ContextBlockElement, KnownBlock, TextObject } from '@slack/types';
import type { SlackMessage } from './slackMessage.js';
import { SHORTENED, truncateText } from './truncate.js';

/**
 * Block Kit limits: the one place they are written down and enforced. Sources: docs.slack.dev Block Kit
 * reference and the `@slack/types` 3.2 JSDoc (Slack's Block Kit reference, "Blocks" limits).
 */
export const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  /** A text object inside a context block (the general text-object limit). */
  contextElementText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  markdownBlockText: 12_000,
  /** Slack advises <= 4000 for the top-level text; it hard-truncates at 40,000. */
  topLevelText: 4000,
  /**
   * Cumulative text of all blocks. The server limit (`msg_blocks_too_long`) is undocumented; people hit it at
   * about 11–13k characters, so we stay well below.
   */
  totalBlockText: 10_000,
} as const;

export interface LimitOptions {
  /** 50 for messages (default), 100 for modals and the Home tab. */
  maxBlocks?: number;
}

type Kind = 'section' | 'header' | 'context' | 'actions' | 'markdown';
type BlockOf<K extends Kind> = Extract<KnownBlock, { type: K }>;

/** Collects what `blockKitViolations` reports: `tooLong` checks one text against its limit (and for emptiness). */
interface Report {
  push(line: string): void;
  tooLong(where: string, text: string | undefined, max: number, min?: number): void;
}

/** What the limits code does with one kind of block: one entry per kind, so no kind is handled in only some places. */
interface BlockKind<B extends KnownBlock> {
  /** Characters of text, as Slack's cumulative limit counts them (roughly). */
  textLength(b: B): number;
  /** The block made to fit its own limits (its block_id aside); null when nothing valid is left of it. */
  fit(b: B): B | null;
  /** The block with its texts halved; null when it has none that can be, and it is then left out. */
  halve(b: B, half: (text: string) => string): B | null;
  /** Every limit the block breaks, reported under `at`. */
  check(b: B, at: string, report: Report): void;
}

const L = BLOCK_KIT_LIMITS;

const shortenText = <T extends TextObject>(t: T, max: number): T =>
  t.text.length > max ? { ...t, text: truncateText(t.text, max) } : t;

const isText = (
  e: ContextBlockElement,
): e is Extract<ContextBlockElement, { type: 'mrkdwn' | 'plain_text' }> =>
  e.type === 'mrkdwn' || e.type === 'plain_text';

const BLOCK_KINDS: { [K in Kind]: BlockKind<BlockOf<K>> } = {
  section: {
    textLength: (b) => (b.text?.text.length ?? 0) + (b.fields ?? []).reduce((s, f) => s + f.text.length, 0),
    fit(block) {
      const text = block.text?.text.trim() ? shortenText(block.text, L.sectionText) : undefined;
      let fields = block.fields
        ?.filter((f) => f.text.trim())
        .map((f) => shortenText(f, L.fieldText))
        .slice(0, L.fieldsPerSection);
      if (fields && block.fields && block.fields.length > L.fieldsPerSection) {
        const last = fields[fields.length - 1];
        if (last)
          fields = [
            ...fields.slice(0, -1),
            {
              ...last,
              text:
                truncateText(`${last.text}`, L.fieldText - 40) +
                ` (+${block.fields.length - L.fieldsPerSection} more)`,
            },
          ];
      }
      if (!text && !fields?.length) return null;
      const { text: _t, fields: _f, ...rest } = block;
      return { ...rest, ...(text ? { text } : {}), ...(fields?.length ? { fields } : {}) };
    },
    halve: (b, half) => ({
      ...b,
      ...(b.text ? { text: { ...b.text, text: half(b.text.text) } } : {}),
      ...(b.fields ? { fields: b.fields.map((f) => ({ ...f, text: half(f.text) })) } : {}),
    }),
    check(block, at, r) {
      if (!block.text && !block.fields?.length) r.push(`${at}: needs text or fields`);
      if (block.text) r.tooLong(`${at}.text`, block.text.text, L.sectionText);
      if (block.fields) {
        if (block.fields.length > L.fieldsPerSection)
          r.push(`${at}.fields: ${block.fields.length} > ${L.fieldsPerSection}`);
        block.fields.forEach((f, j) => {
          r.tooLong(`${at}.fields[${j}]`, f.text, L.fieldText);
        });
      }
      if (block.accessory && 'action_id' in block.accessory) {
        r.tooLong(`${at}.accessory.action_id`, block.accessory.action_id, L.actionId);
      }
    },
  },
  header: {
    textLength: (b) => b.text.text.length,
    fit: (block) =>
      block.text.text.trim()
        ? {
            ...block,
            text: { ...block.text, type: 'plain_text', text: truncateText(block.text.text, L.headerText) },
          }
        : null,
    halve: (b, half) => ({ ...b, text: { ...b.text, text: half(b.text.text) } }),
    check(block, at, r) {
      if (block.text.type !== 'plain_text') r.push(`${at}.text: must be plain_text`);
      r.tooLong(`${at}.text`, block.text.text, L.headerText);
    },
  },
  context: {
    textLength: (b) =>
      b.elements.reduce((s, e) => s + ('text' in e && typeof e.text === 'string' ? e.text.length : 0), 0),
    fit(block) {
      const elements: ContextBlockElement[] = block.elements
        .filter((e) => !('text' in e) || (typeof e.text === 'string' && e.text.trim()))
        .map((e) => (isText(e) ? shortenText(e, L.contextElementText) : e));
      if (elements.length > L.contextElements) {
        elements.length = L.contextElements;
      }
      if (elements.length === 0) return null;
      return { ...block, elements };
    },
    halve: (b, half) => ({
      ...b,
      elements: b.elements.map((e) => (isText(e) ? { ...e, text: half(e.text) } : e)),
    }),
    check(block, at, r) {
      if (block.elements.length === 0) r.push(`${at}.elements: empty`);
      if (block.elements.length > L.contextElements)
        r.push(`${at}.elements: ${block.elements.length} > ${L.contextElements}`);
      block.elements.forEach((e, j) => {
        if (isText(e)) r.tooLong(`${at}.elements[${j}]`, e.text, L.contextElementText);
      });
    },
  },
  actions: {
    textLength: (b) => b.elements.reduce((s, e) => s + (e.type === 'button' ? e.text.text.length : 0), 0),
    fit(block) {
      const seen = new Set<string>();
      const elements: ActionsBlockElement[] = [];
      for (const e of block.elements) {
        const fitted = e.type === 'button' ? fitButton(e) : e;
        if (!fitted) continue;
        if ('action_id' in fitted && fitted.action_id !== undefined) {
          const id = fitted.action_id.slice(0, L.actionId);
          if (!id.trim()) {
            // Slack generates an action id when there is none; an empty one is invalid.
            const { action_id: _empty, ...rest } = fitted;
            elements.push(rest as ActionsBlockElement);
            continue;
          }
          if (seen.has(id)) continue;
          seen.add(id);
          elements.push({ ...fitted, action_id: id });
        } else elements.push(fitted);
      }
      elements.splice(L.actionsElements);
      if (elements.length === 0) return null;
      return { ...block, elements };
    },
    // Button labels are already short; an actions block that is the longest text left is left out.
    halve: () => null,
    check(block, at, r) {
      if (block.elements.length === 0) r.push(`${at}.elements: empty`);
      // action_id must be unique among the elements of its block.
      const actionIds = new Set<string>();
      if (block.elements.length > L.actionsElements)
        r.push(`${at}.elements: ${block.elements.length} > ${L.actionsElements}`);
      block.elements.forEach((e, j) => {
        const where = `${at}.elements[${j}]`;
        if ('action_id' in e && e.action_id !== undefined) {
          r.tooLong(`${where}.action_id`, e.action_id, L.actionId);
          if (actionIds.has(e.action_id)) r.push(`${where}.action_id: "${e.action_id}" is not unique`);
          actionIds.add(e.action_id);
        }
        if (e.type === 'button') {
          r.tooLong(`${where}.text`, e.text.text, L.buttonText);
          if (e.value !== undefined) r.tooLong(`${where}.value`, e.value, L.buttonValue, 0);
          if (e.url !== undefined) r.tooLong(`${where}.url`, e.url, L.buttonUrl);
        }
      });
    },
  },
  markdown: {
    textLength: (b) => b.text.length,
    fit: (block) =>
      block.text.trim() ? { ...block, text: truncateText(block.text, L.markdownBlockText) } : null,
    halve: (b, half) => ({ ...b, text: half(b.text) }),
    check(block, at, r) {
      r.tooLong(`${at}.text`, block.text, L.markdownBlockText);
    },
  },
};

/** The entry for a block's kind; undefined for kinds with no text and no limits of their own (divider, image…). */
const kindOf = (b: KnownBlock): BlockKind<KnownBlock> | undefined =>
  (BLOCK_KINDS as Partial<Record<string, BlockKind<KnownBlock>>>)[b.type];

/** Every limit `message` breaks, one readable line each; empty when the message is valid. */
export function blockKitViolations(message: SlackMessage, options: LimitOptions = {}): string[] {
  const maxBlocks = options.maxBlocks ?? L.blocksPerMessage;
  const out: string[] = [];
  const report: Report = {
    push: (line) => out.push(line),
    tooLong(where, text, max, min = 1) {
      const n = text?.length ?? 0;
      if (n > max) out.push(`${where}: ${n} chars > ${max}`);
      if (n < min || (min > 0 && !text?.trim())) out.push(`${where}: empty`);
    },
  };
  if (typeof message.text !== 'string' || !message.text.trim()) out.push('text: the fallback is missing');
  else if (message.text.length > L.topLevelText)
    out.push(`text: ${message.text.length} chars > ${L.topLevelText}`);
  if (message.blocks.length > maxBlocks) out.push(`blocks: ${message.blocks.length} > ${maxBlocks}`);
  const blockIds = new Set<string>();
  message.blocks.forEach((block, i) => {
    const at = `blocks[${i}] (${block.type})`;
    if (block.block_id !== undefined) {
      report.tooLong(`${at}.block_id`, block.block_id, L.blockId);
      if (blockIds.has(block.block_id)) out.push(`${at}.block_id: "${block.block_id}" is not unique`);
      blockIds.add(block.block_id);
    }
    kindOf(block)?.check(block, at, report);
  });
  const total = totalBlockText(message.blocks);
  if (total > L.totalBlockText) out.push(`blocks: ${total} chars of text in all > ${L.totalBlockText}`);
  return out;
}

/** The characters of text in all blocks, as Slack's cumulative limit counts them (roughly). */
export function totalBlockText(blocks: readonly KnownBlock[]): number {
  let n = 0;
  for (const b of blocks) n += blockTextLength(b);
  return n;
}

const blockTextLength = (b: KnownBlock): number => kindOf(b)?.textLength(b) ?? 0;

const shortenId = (id: string | undefined): string | undefined =>
  id === undefined ? undefined : id.slice(0, L.blockId);

/** One block made to fit its own limits; null when nothing valid is left of it. */
function fitBlock(block: KnownBlock): KnownBlock | null {
  const kind = kindOf(block);
  const b = kind ? kind.fit(block) : block;
  if (!b || b.block_id === undefined) return b;
  if (!b.block_id.trim()) {
    const { block_id: _empty, ...rest } = b;
    return rest as KnownBlock;
  }
  return { ...b, block_id: shortenId(b.block_id) } as KnownBlock;
}

/**
 * A button value is machine-read (JSON), so shortening it would only corrupt it: a button whose value is too long
 * is left out instead. Renderers make sure their values fit, so this is a safety net.
 */
function fitButton(b: Button): Button | null {
  if (b.value !== undefined && b.value.length > L.buttonValue) return null;
  if (!b.text.text.trim()) return null;
  const { url, ...rest } = b;
  return {
    ...rest,
    text: { ...b.text, text: truncateText(b.text.text, L.buttonText, '…') },
    ...(url !== undefined && url.length <= L.buttonUrl ? { url } : {}),
  };
}

/**
 * The index of the first block of the message's tail: the trailing run of context, actions and divider blocks
 * (footer, "shared by", buttons), which trimming keeps.
 */
function tailStart(blocks: readonly KnownBlock[]): number {
  let i = blocks.length;
  while (i > 0) {
    const t = blocks[i - 1]?.type;
    if (t === 'context' || t === 'actions' || t === 'divider') i -= 1;
    else break;
  }
  return i;
}

const isProtected = (b: KnownBlock, index: number, tail: number): boolean =>
  index >= tail || b.type === 'actions' || (index === 0 && b.type === 'header');

/**
 * Makes `message` fit Block Kit: shortens over-long texts with "… (shortened)", drops what cannot be valid
 * (empty sections, over-long button values, duplicate block ids, surplus fields or elements), and when there are
 * too many blocks or too much text in all, leaves out body blocks from the end of the body while keeping the
 * header, every action button and the footer, with a context line saying content was shortened. Never throws.
 */
export function enforceBlockKitLimits(message: SlackMessage, options: LimitOptions = {}): SlackMessage {
  const maxBlocks = options.maxBlocks ?? L.blocksPerMessage;
  const ids = new Set<string>();
  let blocks: KnownBlock[] = [];
  for (const raw of message.blocks) {
    const b = fitBlock(raw);
    if (!b) continue;
    if (b.block_id !== undefined) {
      if (ids.has(b.block_id)) {
        const { block_id: _drop, ...rest } = b;
        blocks.push(rest as KnownBlock);
        continue;
      }
      ids.add(b.block_id);
    }
    blocks.push(b);
  }

  const fits = (bs: KnownBlock[]) => bs.length <= maxBlocks && totalBlockText(bs) <= L.totalBlockText;
  if (!fits(blocks)) blocks = trimBody(blocks, maxBlocks);
  // Protected blocks alone may still be too much: halve the longest texts until everything fits.
  let guard = 0;
  while (totalBlockText(blocks) > L.totalBlockText && guard < 200) {
    blocks = halveLongestText(blocks);
    guard += 1;
  }
  if (blocks.length > maxBlocks) blocks = blocks.slice(0, maxBlocks);

  const text = message.text?.trim() ? truncateText(message.text, L.topLevelText) : 'HCC MDT';
  return { text, blocks };
}

function shortenedNote(count: number) {
  return {
    type: 'context' as const,
    elements: [
      {
        type: 'mrkdwn' as const,
        text: `_${count} part${count === 1 ? '' : 's'} left out to fit Slack's message limits ${SHORTENED.slice(2)}_`,
      },
    ],
  };
}

function trimBody(blocks: KnownBlock[], maxBlocks: number): KnownBlock[] {
  const tail = tailStart(blocks);
  const keep = blocks.map(() => true);
  let dropped = 0;
  const current = () => {
    const kept = blocks.filter((_, i) => keep[i]);
    if (dropped === 0) return kept;
    const tailIndex = kept.length - (blocks.length - tail);
    return [...kept.slice(0, tailIndex), shortenedNote(dropped), ...kept.slice(tailIndex)];
  };
  for (let i = tail - 1; i >= 0; i -= 1) {
    const now = current();
    if (now.length <= maxBlocks && totalBlockText(now) <= L.totalBlockText) return now;
    const b = blocks[i];
    if (!b || isProtected(b, i, tail)) continue;
    keep[i] = false;
    dropped += 1;
  }
  return current();
}

function halveLongestText(blocks: KnownBlock[]): KnownBlock[] {
  let best: { i: number; len: number } = { i: -1, len: 0 };
  blocks.forEach((b, i) => {
    const len = blockTextLength(b);
    if (len > best.len) best = { i, len };
  });
  const target = blocks[best.i];
  if (!target) return blocks;
  const half = (t: string) => truncateText(t, Math.max(SHORTENED.length + 1, Math.floor(t.length / 2)));
  const halved = kindOf(target)?.halve(target, half) ?? null;
  if (!halved) return blocks.filter((_, i) => i !== best.i);
  return blocks.map((b, i) => (i === best.i ? halved : b));
}
