import type { LoginResponse } from '@welcome-ruhr/contracts';
import type { RunningServer } from './server';

/**
 * A call to the running portal's API (`path` under /api), as JSON; any answer but 2xx throws with the
 * status and the body. A 204 answers undefined.
 */
export async function api<T>(server: RunningServer, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${server.url}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Signs in through the API and returns the access token (for `api`'s `token`). */
export async function signIn(server: RunningServer, account: { email: string; password: string }): Promise<string> {
  return (await api<LoginResponse>(server, '/auth/login', { method: 'POST', body: { email: account.email, password: account.password } })).accessToken;
}
