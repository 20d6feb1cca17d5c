import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Problem } from '../../cases/decisionScreen.js';
import { truncateText } from '../../render/truncate.js';

/** Small builders for the decision, follow-up and treatment modals, and the reader of their state. */

export const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** Option text is limited to 75 characters. */
export const option = (value: string, text: string): PlainTextOption => ({
  text: plain(truncateText(text, 75, '…')),
  value,
});

export const textInput = (
  blockId: string,
  label: string,
  opts: {
    multiline?: boolean;
    placeholder?: string;
    hint?: string;
    optional?: boolean;
    max?: number;
    initial?: string;
  } = {},
): InputBlock => ({
  type: 'input',
  block_id: blockId,
  optional: opts.optional ?? true,
  label: plain(label),
  ...(opts.hint ? { hint: plain(opts.hint) } : {}),
  element: {
    type: 'plain_text_input',
    action_id: 'value',
    multiline: opts.multiline ?? false,
    ...(opts.max ? { max_length: opts.max } : {}),
    ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
    ...(opts.initial ? { initial_value: opts.initial } : {}),
  },
});

/** An input block with one choice from `options`, as a drop-down (`static_select`) or radio buttons. */
const oneChoice =
  (type: 'static_select' | 'radio_buttons') =>
  (blockId: string, label: string, options: PlainTextOption[], optional = true): InputBlock => ({
    type: 'input',
    block_id: blockId,
    optional,
    label: plain(label),
    element: { type, action_id: 'choice', options },
  });

export const staticSelect = oneChoice('static_select');
export const radios = oneChoice('radio_buttons');

export const checkboxes = (
  blockId: string,
  label: string,
  options: PlainTextOption[],
  hint?: string,
): InputBlock => ({
  type: 'input',
  block_id: blockId,
  optional: true,
  label: plain(label),
  ...(hint ? { hint: plain(hint) } : {}),
  element: { type: 'checkboxes', action_id: 'checked', options },
});

export const modal = (
  callbackId: string,
  title: string,
  submit: string,
  privateMetadata: string,
  blocks: KnownBlock[],
): ModalView => ({
  type: 'modal',
  callback_id: callbackId,
  // Modal titles are limited to 24 characters.
  title: plain(truncateText(title, 24, '…')),
  submit: plain(submit),
  close: plain('Cancel'),
  private_metadata: privateMetadata,
  blocks,
});

/** The shape of `view.state.values` these modals produce. */
export type ModalValues = Record<
  string,
  Record<
    string,
    {
      type?: string;
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[];
      selected_date?: string | null;
      selected_user?: string | null;
      selected_users?: string[];
    }
  >
>;

export const readText = (v: ModalValues, block: string): string | undefined => {
  const t = v[block]?.value?.value?.trim();
  return t ? t : undefined;
};
export const readChoice = (v: ModalValues, block: string): string | undefined =>
  v[block]?.choice?.selected_option?.value ?? undefined;
export const readChecked = (v: ModalValues, block: string): string[] =>
  (v[block]?.checked?.selected_options ?? []).map((o) => o.value);
export const readDate = (v: ModalValues, block: string): string | undefined =>
  v[block]?.date?.selected_date ?? undefined;
export const readUser = (v: ModalValues, block: string): string | undefined =>
  v[block]?.user?.selected_user ?? undefined;
export const readUsers = (v: ModalValues, block: string): string[] => v[block]?.users?.selected_users ?? [];

/**
 * Domain problems as `response_action: 'errors'`: one message per block, several joined. A problem whose path has
 * no block of its own is shown on `fallback`.
 */
export function modalErrors(
  problems: readonly Problem[],
  blockFor: (path: string) => string | undefined,
  fallback: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) {
    const block = blockFor(p.path) ?? fallback;
    const head = p.path.split('.')[0];
    const message = `${head === 'form' ? '' : `${head}: `}${p.message}`;
    errors[block] = errors[block] ? `${errors[block]} ${message}` : message;
  }
  return errors;
}
