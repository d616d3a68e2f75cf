// Drives Slack's official WebClient (@slack/web-api) against a Slack Web API at argv[2] (the tests' fake Slack) and
// prints one JSON line with what it saw: the fake must answer as Slack does, including 429 + Retry-After.
import { WebClient } from '@slack/web-api';

const [apiUrl, email] = process.argv.slice(2);
const client = new WebClient('xoxb-test-token', {
  slackApiUrl: apiUrl,
  logLevel: 'error',
  // One retry, at once: a 429 is retried after its Retry-After, which the client waits out itself.
  retryConfig: { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 10 },
});
const rateLimited = [];
client.on('rate_limited', (seconds) => rateLimited.push(seconds));

const out = {};
const auth = await client.auth.test();
out.auth = { ok: auth.ok, user_id: auth.user_id, team_id: auth.team_id };
const found = await client.users.lookupByEmail({ email });
out.lookup = found.user.id;
const dm = await client.conversations.open({ users: found.user.id });
out.dm = dm.channel.id;
const started = Date.now();
const posted = await client.chat.postMessage({
  channel: dm.channel.id,
  text: 'R-1 is overdue',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*R-1* is overdue' } }],
  metadata: { event_type: 'oversight_nudge', event_payload: { key: 'k1' } },
});
out.post = { ok: posted.ok, ts: posted.ts, channel: posted.channel, ms: Date.now() - started };
out.rateLimited = rateLimited;
try {
  await client.users.info({ user: 'UNOBODY' });
  out.missing = 'no error';
} catch (e) {
  out.missing = { code: e.code, error: e.data?.error };
}
const history = await client.conversations.history({ channel: dm.channel.id });
out.history = history.messages.map((m) => m.text);
console.log(JSON.stringify(out));
