import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { errorChain } from './error-chain';

export interface HopAgents {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
}

// request-filtering-agent 3.x reports a refused address only through this message text.
const REFUSED_ADDRESS = /DNS lookup (\S+?)\(family:[^,]*, host:[^)]*\) is not allowed/;

/**
 * The SSRF guard. The agents check the address a socket is about to connect to, after DNS
 * (and on literal IPs before connecting), so a host name that resolves or re-resolves to a
 * private address (DNS rebinding) is refused as well. ipaddr.js decides what "private" is:
 * everything but global unicast, i.e. loopback, RFC 1918, link-local, multicast, unique-local,
 * CGNAT, 0.0.0.0/::, IPv4-mapped IPv6 and the other reserved ranges.
 *
 * Hosts listed in FETCH_ALLOW_PRIVATE_HOSTS get agents that let private addresses through. The
 * list is matched against the host name in each hop's URL, not against resolved addresses, so
 * allowing "127.0.0.1" does not also allow "localhost" or any name that happens to resolve there.
 */
export class AddressGuard {
  private readonly allowedHosts: ReadonlySet<string>;
  private readonly publicOnly: HopAgents;
  private readonly privateAllowed: HopAgents;

  constructor(allowPrivateHosts: readonly string[] = []) {
    this.allowedHosts = new Set(allowPrivateHosts.map(normalizeHost).filter((host) => host !== ''));
    // No keep-alive: every request opens a socket of its own, so every hop passes the check.
    this.publicOnly = {
      httpAgent: new RequestFilteringHttpAgent({ keepAlive: false }),
      httpsAgent: new RequestFilteringHttpsAgent({ keepAlive: false }),
    };
    this.privateAllowed = {
      httpAgent: new RequestFilteringHttpAgent({ keepAlive: false, allowPrivateIPAddress: true }),
      httpsAgent: new RequestFilteringHttpsAgent({ keepAlive: false, allowPrivateIPAddress: true }),
    };
  }

  isPrivateHostAllowed(url: URL): boolean {
    return this.allowedHosts.has(normalizeHost(url.hostname));
  }

  /** The agents to use for one hop; chosen again on every redirect. */
  agentsFor(url: URL): HopAgents {
    return this.isPrivateHostAllowed(url) ? this.privateAllowed : this.publicOnly;
  }
}

/** "LocalHost." and "[::1]" compare equal to "localhost" and "::1". */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** The address the guard refused, if this error (or one it wraps) is the guard's refusal. */
export function refusedAddressOf(error: unknown): string | undefined {
  for (const current of errorChain(error)) {
    const match = REFUSED_ADDRESS.exec(String(current.message));
    if (match) return match[1];
  }
  return undefined;
}
