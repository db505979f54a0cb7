// The LinkedIn tests' shared plumbing: the vendored captures (tests/fixtures/linkedin), the Voyager
// responses their <code> elements embed, and the adapter harness bound to the LinkedIn adapter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkedInAdapter } from '../../../../src/sites/linkedin/adapter';
import { adapterTools } from '../adapter-harness';

export { loadPage } from '../adapter-harness';
export const { envFor, parseAll } = adapterTools(linkedInAdapter);

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'linkedin');
export const readCapture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

const unescape = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&#92;/g, '\\').replace(/&#61;/g, '=').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The capture's embedded Voyager responses: request path and parsed body, in page order. */
export function embeddedResponses(html: string): Array<{ request: string; body: unknown }> {
  const bodies = new Map<string, string>();
  const out: Array<{ request: string; body: unknown }> = [];
  for (const m of html.matchAll(/<code[^>]*id="((?:datalet-)?bpr-guid-\d+)"[^>]*>([\s\S]*?)<\/code>/g)) {
    const [, id, raw] = m;
    const text = unescape(raw!.trim());
    if (!id!.startsWith('datalet-')) {
      bodies.set(id!, text);
      continue;
    }
    const meta = JSON.parse(text) as { request: string; body: string };
    const body = bodies.get(meta.body);
    if (body !== undefined) out.push({ request: meta.request, body: JSON.parse(body) as unknown });
  }
  return out;
}
