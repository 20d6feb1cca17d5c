/** Number formatting shared by the renderers. ASCII minus, so the text fallback reads the same everywhere. */

/** Fixed decimals, without "-0.00". */
export function fixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const s = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** Up to `decimals` decimals, trailing zeros dropped: 4.2, 7, 12.35. */
export function compact(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  return fixed(Number(value.toFixed(decimals)), decimals).replace(/\.?0+$/, '') || '0';
}

/** A signed percentage: "+12.5%", "-45.0%", "0.0%". */
export function signedPercent(value: number): string {
  const s = fixed(value, 1);
  return `${value > 0 && s !== '0.0' ? '+' : ''}${s}%`;
}
