/** The marker appended wherever a renderer or the limit guard had to shorten text. */
export const SHORTENED = '… (shortened)';

/**
 * Shortens `text` to at most `max` UTF-16 units, ending with "… (shortened)". Never cuts through a surrogate
 * pair, an escaped entity (`&amp;`, `&lt;`, `&gt;`) or a `<…>` link or mention, so the result is still valid
 * mrkdwn. Text that already fits is returned unchanged.
 */
export function truncateText(text: string, max: number, marker = SHORTENED): string {
  if (text.length <= max) return text;
  if (max <= marker.length) return marker.slice(0, Math.max(0, max));
  let cut = max - marker.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && cut - amp < 5 && !text.slice(amp, cut).includes(';')) cut = amp;
  const lt = text.lastIndexOf('<', cut - 1);
  if (lt >= 0) {
    const gt = text.indexOf('>', lt);
    if (gt === -1 || gt >= cut) cut = lt;
  }
  let head = text.slice(0, cut).trimEnd();
  // An odd number of ``` fences would leave the rest of the message in a code block.
  if ((head.match(/```/g) ?? []).length % 2 === 1) {
    const fence = head.lastIndexOf('```');
    head = head.slice(0, fence).trimEnd();
  }
  return `${head}${marker}`;
}
