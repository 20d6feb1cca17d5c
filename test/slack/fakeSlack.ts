import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack Web API on 127.0.0.1 that records every call. `/api/<method>` answers Web API calls (form or JSON
 * bodies, nested JSON strings such as `blocks` decoded); `/respond/<id>` stands in for a `response_url`.
 * Responses are configurable per method: an HTTP status, headers (Retry-After) and a JSON body.
 */

export interface RecordedCall {
  /** "chat.postMessage", or "/respond/<id>" for response_url posts. */
  method: string;
  body: Record<string, unknown>;
  raw: string;
  authorization: string | undefined;
}

export interface FakeResponse {
  /** Never answer: the request is held until the client gives up (recorded in `abandoned`) or the fake closes. */
  hang?: true;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const DEFAULTS: Record<string, unknown> = {
  'auth.test': { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T1' },
  'chat.postMessage': { ok: true, channel: 'C1', ts: '1700000100.000100' },
  'chat.postEphemeral': { ok: true, message_ts: '1700000100.000200' },
  'views.open': { ok: true, view: { id: 'V1' } },
};

function decode(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { _unparsed: raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // keep as text
      }
    }
    out[k] = v;
  }
  return out;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** Methods of held (`hang`) requests whose client closed the connection, in order. */
  readonly abandoned: string[] = [];
  private readonly responses = new Map<string, FakeResponse[] | FakeResponse>();
  private server: http.Server | undefined;
  private base = '';

  async start(): Promise<void> {
    this.server = http.createServer(async (req, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const url = req.url ?? '/';
      const method = url.startsWith('/api/') ? url.slice('/api/'.length).split('?')[0]! : url;
      this.calls.push({
        method,
        body: decode(raw, req.headers['content-type']),
        raw,
        authorization: req.headers.authorization,
      });
      // An exact method, else the longest configured prefix ending in '*' ("/respond/*").
      const key = this.responses.has(method)
        ? method
        : [...this.responses.keys()]
            .filter((k) => k.endsWith('*') && method.startsWith(k.slice(0, -1)))
            .sort((a, b) => b.length - a.length)[0];
      const queued = key === undefined ? undefined : this.responses.get(key);
      const configured = Array.isArray(queued) ? queued.shift() : queued;
      if (key !== undefined && Array.isArray(queued) && queued.length === 0) this.responses.delete(key);
      if (configured?.hang) {
        res.on('close', () => this.abandoned.push(method));
        return;
      }
      const status = configured?.status ?? 200;
      const body =
        configured?.body ?? (url.startsWith('/respond/') ? { ok: true } : (DEFAULTS[method] ?? { ok: true }));
      res.writeHead(status, { 'content-type': 'application/json', ...(configured?.headers ?? {}) });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Base URL for `SLACK_API_URL` / `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  respondUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  /**
   * Every later call of `method` gets this response (or, given a list, one each until it runs out). A method
   * ending in '*' matches every call that starts with the rest ("/respond/*").
   */
  on(method: string, response: FakeResponse | FakeResponse[]): void {
    this.responses.set(method, Array.isArray(response) ? [...response] : response);
  }

  reset(): void {
    this.calls.length = 0;
    this.abandoned.length = 0;
    this.responses.clear();
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
