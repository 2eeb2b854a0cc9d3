import type { Config } from '@tally/config';
import { createGuardedPoster, FetchError, type GuardedPoster } from '@tally/http-fetch';
import type { Unsubscription } from '@tally/ingest';
import type { Logger } from '@tally/logger';

/** Asks a hub to end a subscription (a removed feed's): `hub.mode=unsubscribe` (WebSub §5.1). */
export interface HubUnsubscriber {
  /** Never throws for the hub's sake: a hub that refuses or cannot be reached ends it when the lease runs out. */
  unsubscribe(u: Unsubscription): Promise<{ ok: boolean; message: string }>;
}

/** Sends the unsubscription through the guarded poster (the SSRF guard every fetch goes through). */
export async function unsubscribeAtHub(
  poster: Pick<GuardedPoster, 'post'>,
  u: Unsubscription,
  log: Logger,
): Promise<{ ok: boolean; message: string }> {
  const form = new URLSearchParams({ 'hub.mode': 'unsubscribe', 'hub.topic': u.topic, 'hub.callback': u.callback });
  let answer: { ok: boolean; message: string };
  try {
    const res = await poster.post(u.hub, form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    answer = { ok: res.status >= 200 && res.status < 300, message: `the hub answered HTTP ${res.status}` };
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    answer = { ok: false, message: `${err.reason}: ${err.message}` };
  }
  log.info({ feedId: u.feedId, hub: u.hub, topic: u.topic, ok: answer.ok }, 'websub unsubscription requested');
  return answer;
}

/**
 * An unsubscriber of its own, for a process without the runtime (a command line removing feeds on
 * the log itself); null without `WEBSUB_CALLBACK_URL`, where nothing was ever subscribed from here.
 */
export function openHubUnsubscriber(
  config: Pick<
    Config,
    'WEBSUB_CALLBACK_URL' | 'HTTP_USER_AGENT' | 'HTTP_CONNECT_TIMEOUT_MS' | 'HTTP_TOTAL_TIMEOUT_MS' | 'HTTP_ALLOW'
  >,
  log: Logger,
): (HubUnsubscriber & { close(): Promise<void> }) | null {
  if (!config.WEBSUB_CALLBACK_URL) return null;
  const poster = createGuardedPoster({
    userAgent: config.HTTP_USER_AGENT,
    connectTimeoutMs: config.HTTP_CONNECT_TIMEOUT_MS,
    totalTimeoutMs: config.HTTP_TOTAL_TIMEOUT_MS,
    allow: config.HTTP_ALLOW,
  });
  return { unsubscribe: (u) => unsubscribeAtHub(poster, u, log), close: () => poster.close() };
}
