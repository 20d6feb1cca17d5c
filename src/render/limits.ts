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

/** Every limit `message` breaks, one readable line each; empty when the message is valid. */
export function blockKitViolations(message: SlackMessage, options: LimitOptions = {}): string[] {
  const L = BLOCK_KIT_LIMITS;
  const maxBlocks = options.maxBlocks ?? L.blocksPerMessage;
  const out: string[] = [];
  const tooLong = (where: string, text: string | undefined, max: number, min = 1) => {
    const n = text?.length ?? 0;
    if (n > max) out.push(`${where}: ${n} chars > ${max}`);
    if (n < min || (min > 0 && !text?.trim())) out.push(`${where}: empty`);
  };
  if (typeof message.text !== 'string' || !message.text.trim()) out.push('text: the fallback is missing');
  else if (message.text.length > L.topLevelText)
    out.push(`text: ${message.text.length} chars > ${L.topLevelText}`);
  if (message.blocks.length > maxBlocks) out.push(`blocks: ${message.blocks.length} > ${maxBlocks}`);
  const blockIds = new Set<string>();
  message.blocks.forEach((block, i) => {
    const at = `blocks[${i}] (${block.type})`;
    if (block.block_id !== undefined) {
      tooLong(`${at}.block_id`, block.block_id, L.blockId);
      if (blockIds.has(block.block_id)) out.push(`${at}.block_id: "${block.block_id}" is not unique`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'section': {
        if (!block.text && !block.fields?.length) out.push(`${at}: needs text or fields`);
        if (block.text) tooLong(`${at}.text`, block.text.text, L.sectionText);
        if (block.fields) {
          if (block.fields.length > L.fieldsPerSection)
            out.push(`${at}.fields: ${block.fields.length} > ${L.fieldsPerSection}`);
          block.fields.forEach((f, j) => {
            tooLong(`${at}.fields[${j}]`, f.text, L.fieldText);
          });
        }
        if (block.accessory && 'action_id' in block.accessory) {
          tooLong(`${at}.accessory.action_id`, block.accessory.action_id, L.actionId);
        }
        break;
      }
      case 'header':
        if (block.text.type !== 'plain_text') out.push(`${at}.text: must be plain_text`);
        tooLong(`${at}.text`, block.text.text, L.headerText);
        break;
      case 'context':
        if (block.elements.length === 0) out.push(`${at}.elements: empty`);
        if (block.elements.length > L.contextElements)
          out.push(`${at}.elements: ${block.elements.length} > ${L.contextElements}`);
        block.elements.forEach((e, j) => {
          if (e.type === 'mrkdwn' || e.type === 'plain_text')
            tooLong(`${at}.elements[${j}]`, e.text, L.contextElementText);
        });
        break;
      case 'actions': {
        if (block.elements.length === 0) out.push(`${at}.elements: empty`);
        // action_id must be unique among the elements of its block.
        const actionIds = new Set<string>();
        if (block.elements.length > L.actionsElements)
          out.push(`${at}.elements: ${block.elements.length} > ${L.actionsElements}`);
        block.elements.forEach((e, j) => {
          const where = `${at}.elements[${j}]`;
          if ('action_id' in e && e.action_id !== undefined) {
            tooLong(`${where}.action_id`, e.action_id, L.actionId);
            if (actionIds.has(e.action_id)) out.push(`${where}.action_id: "${e.action_id}" is not unique`);
            actionIds.add(e.action_id);
          }
          if (e.type === 'button') {
            tooLong(`${where}.text`, e.text.text, L.buttonText);
            if (e.value !== undefined) tooLong(`${where}.value`, e.value, L.buttonValue, 0);
            if (e.url !== undefined) tooLong(`${where}.url`, e.url, L.buttonUrl);
          }
        });
        break;
      }
      case 'markdown':
        tooLong(`${at}.text`, block.text, L.markdownBlockText);
        break;
      default:
        break;
    }
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

function blockTextLength(b: KnownBlock): number {
  switch (b.type) {
    case 'section':
      return (b.text?.text.length ?? 0) + (b.fields ?? []).reduce((s, f) => s + f.text.length, 0);
    case 'header':
      return b.text.text.length;
    case 'context':
      return b.elements.reduce(
        (s, e) => s + ('text' in e && typeof e.text === 'string' ? e.text.length : 0),
        0,
      );
    case 'actions':
      return b.elements.reduce((s, e) => s + (e.type === 'button' ? e.text.text.length : 0), 0);
    case 'markdown':
      return b.text.length;
    default:
      return 0;
  }
}

const shortenText = <T extends TextObject>(t: T, max: number): T =>
  t.text.length > max ? { ...t, text: truncateText(t.text, max) } : t;

const shortenId = (id: string | undefined): string | undefined =>
  id === undefined ? undefined : id.slice(0, BLOCK_KIT_LIMITS.blockId);

/** One block made to fit its own limits; null when nothing valid is left of it. */
function fitBlock(block: KnownBlock): KnownBlock | null {
  const L = BLOCK_KIT_LIMITS;
  const withId = <B extends KnownBlock>(b: B): B => {
    if (b.block_id === undefined) return b;
    if (!b.block_id.trim()) {
      const { block_id: _empty, ...rest } = b;
      return rest as B;
    }
    return { ...b, block_id: shortenId(b.block_id) };
  };
  switch (block.type) {
    case 'section': {
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
      return withId({ ...rest, ...(text ? { text } : {}), ...(fields?.length ? { fields } : {}) });
    }
    case 'header': {
      if (!block.text.text.trim()) return null;
      return withId({
        ...block,
        text: { ...block.text, type: 'plain_text', text: truncateText(block.text.text, L.headerText) },
      });
    }
    case 'context': {
      const elements: ContextBlockElement[] = block.elements
        .filter((e) => !('text' in e) || (typeof e.text === 'string' && e.text.trim()))
        .map((e) =>
          e.type === 'mrkdwn' || e.type === 'plain_text' ? shortenText(e, L.contextElementText) : e,
        );
      if (elements.length > L.contextElements) {
        elements.length = L.contextElements;
      }
      if (elements.length === 0) return null;
      return withId({ ...block, elements });
    }
    case 'actions': {
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
      return withId({ ...block, elements });
    }
    case 'markdown':
      if (!block.text.trim()) return null;
      return withId({ ...block, text: truncateText(block.text, L.markdownBlockText) });
    default:
      return withId(block);
  }
}

/**
 * A button value is machine-read (JSON), so shortening it would only corrupt it: a button whose value is too long
 * is left out instead. Renderers make sure their values fit, so this is a safety net.
 */
function fitButton(b: Button): Button | null {
  const L = BLOCK_KIT_LIMITS;
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
  const L = BLOCK_KIT_LIMITS;
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
  const L = BLOCK_KIT_LIMITS;
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
  const halved = ((): KnownBlock | null => {
    switch (target.type) {
      case 'section':
        return {
          ...target,
          ...(target.text ? { text: { ...target.text, text: half(target.text.text) } } : {}),
          ...(target.fields ? { fields: target.fields.map((f) => ({ ...f, text: half(f.text) })) } : {}),
        };
      case 'header':
        return { ...target, text: { ...target.text, text: half(target.text.text) } };
      case 'context':
        return {
          ...target,
          elements: target.elements.map((e) =>
            e.type === 'mrkdwn' || e.type === 'plain_text' ? { ...e, text: half(e.text) } : e,
          ),
        };
      case 'markdown':
        return { ...target, text: half(target.text) };
      default:
        return null;
    }
  })();
  if (!halved) return blocks.filter((_, i) => i !== best.i);
  return blocks.map((b, i) => (i === best.i ? halved : b));
}
