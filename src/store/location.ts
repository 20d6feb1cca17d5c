import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the store lives: `--db`, else `HCC_MDT_DB`, else a file in the user's data directory. A
 * `postgres://` or `postgresql://` URL selects PostgreSQL; anything else is a SQLite file path.
 */
export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export function defaultDataDir(env: Record<string, string | undefined>, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'hcc-mdt');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'hcc-mdt');
  const xdg = env.XDG_DATA_HOME?.trim();
  return join(xdg ? xdg : join(env.HOME ?? homedir(), '.local', 'share'), 'hcc-mdt');
}

export function storeLocation(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  platform = process.platform,
): StoreLocation {
  const raw = (flag ?? env.HCC_MDT_DB ?? '').trim();
  if (/^postgres(?:ql)?:\/\//i.test(raw)) return { kind: 'postgres', url: raw };
  if (raw !== '') return { kind: 'sqlite', path: raw };
  return { kind: 'sqlite', path: join(defaultDataDir(env, platform), 'cases.db') };
}

/** The location for logs and messages: the file path, or the URL without its password. */
export function describeLocation(location: StoreLocation): string {
  if (location.kind === 'sqlite') return location.path;
  try {
    const u = new URL(location.url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
