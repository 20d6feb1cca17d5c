/**
 * Wraps `text` to `width` columns at spaces. `first` prefixes the first line and `rest` the following ones
 * (hanging indent). Words longer than the width are left whole.
 */
export function wrap(text: string, width = 80, first = '', rest = first.replace(/./g, ' ')): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = out.length === 0 ? first : rest;
    let empty = true;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (!empty && line.length + 1 + word.length > width) {
        out.push(line);
        line = rest + word;
      } else {
        line += empty ? word : ` ${word}`;
      }
      empty = false;
    }
    out.push(line);
  }
  return out;
}
