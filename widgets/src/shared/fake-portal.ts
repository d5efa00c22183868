/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ORIGIN = 'https://portal.example';
const texts = (language: string) => readFileSync(join(__dirname, '..', 'i18n', `${language}.json`), 'utf8');

type Handler = (url: URL, init: RequestInit) => { status: number; body?: unknown } | undefined;

/** A fetch that answers the language files and whatever the test's handler answers. */
export function fakePortal(handler: Handler) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = jest.fn(async (raw: string, init: RequestInit) => {
    requests.push({ url: raw, init });
    const url = new URL(raw);
    const respond = (status: number, body = '') => ({ ok: status < 400, status, text: async () => body, json: async () => JSON.parse(body) });
    if (url.pathname.startsWith('/widgets/i18n/')) return respond(200, texts(url.pathname.slice('/widgets/i18n/'.length, -'.json'.length)));
    const answer = handler(url, init);
    return answer ? respond(answer.status, answer.body === undefined ? '' : JSON.stringify(answer.body)) : respond(404);
  });
  globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
  return { requests, fetch };
}

export const settle = (ms = 0) => new Promise((r) => setTimeout(r, ms));
