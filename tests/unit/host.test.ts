/**
 * One hop from every sender to the service: the host answers messages and long work where it
 * lives (Chrome's offscreen document, Firefox's background page); Chrome's worker only keeps
 * the host open; a sender that finds nobody answering knocks, and asks once more.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { hostService, type HostRuntime, type RuntimeSender } from '../../lib/background/host';
import { HOST_PAGE, hostKeeper, keepHost, LOG_PORT, WAKE_PORT, type KeeperApi } from '../../lib/background/keeper';
import { CasefileService } from '../../lib/background/service';
import { CasefileDB } from '../../lib/db/schema';
import { createMessenger, LONG_WORK_PORT, type PortLike } from '../../lib/messaging/messenger';
import { runtimeTransport, type SenderRuntime } from '../../lib/messaging/runtime-transport';
import type { Messages } from '../../lib/background/table';

const ID = 'casefile-id';
const BASE = `chrome-extension://${ID}/`;

/** A port pair: what one end posts, the other hears. */
function portPair(name: string, sender?: RuntimeSender) {
  const listeners = { a: [] as ((m: unknown) => void)[], b: [] as ((m: unknown) => void)[], aGone: [] as (() => void)[], bGone: [] as (() => void)[] };
  let open = true;
  // As in browsers, what one end does reaches the other in a later task.
  const close = () => {
    if (!open) return;
    open = false;
    setTimeout(() => { for (const f of [...listeners.aGone, ...listeners.bGone]) f(); }, 0);
  };
  const end = (mine: 'a' | 'b'): PortLike & { name: string; sender?: RuntimeSender } => ({
    name,
    sender,
    postMessage: (m) => {
      const copy = structuredClone(m);
      setTimeout(() => { if (open) for (const f of listeners[mine === 'a' ? 'b' : 'a']) f(copy); }, 0);
    },
    disconnect: close,
    onMessage: { addListener: (f) => listeners[mine].push(f) },
    onDisconnect: { addListener: (f) => listeners[mine === 'a' ? 'aGone' : 'bGone'].push(f) },
  });
  return { sender: end('a'), receiver: end('b') };
}

/** A runtime in which the host listens; `send` delivers as the browser would. */
function fakeHostRuntime() {
  let onMessage: Parameters<HostRuntime['onMessage']['addListener']>[0] | null = null;
  let onConnect: Parameters<HostRuntime['onConnect']['addListener']>[0] | null = null;
  const runtime: HostRuntime = {
    id: ID,
    getURL: (path) => `${BASE}${path.replace(/^\//, '')}`,
    onMessage: { addListener: (f) => { onMessage = f; } },
    onConnect: { addListener: (f) => { onConnect = f; } },
  };
  const send = (message: unknown, sender: RuntimeSender) => new Promise<unknown>((resolve) => {
    const kept = onMessage!(message, sender, resolve);
    if (kept !== true) resolve(undefined);
  });
  const connect = (name: string, sender: RuntimeSender) => {
    const pair = portPair(name, sender);
    onConnect!(pair.receiver);
    return pair.sender;
  };
  return { runtime, send, connect };
}

describe('the host', () => {
  const host = () => {
    const fake = fakeHostRuntime();
    hostService(fake.runtime, new CasefileService(new CasefileDB(`h-${Math.random()}`)));
    return fake;
  };

  it.each([
    ['an extension page', { id: ID, url: `${BASE}popup.html` }, true],
    ['a web page', { id: ID, url: 'https://news.example/story' }, false],
  ])('answers %s by the table, with its origin', async (_who, sender, allowed) => {
    const answer = await host().send({ type: 'list-cases' }, sender) as { ok: boolean; code?: string };
    expect(answer.ok).toBe(allowed);
    if (!allowed) expect(answer.code).toBe('forbidden');
  });

  it('answers nothing for another extension', async () => {
    expect(await host().send({ type: 'list-cases' }, { id: 'other', url: 'chrome-extension://other/popup.html' })).toBeUndefined();
  });

  it('takes long work on its port from extension pages only', async () => {
    const fake = host();
    const messenger = createMessenger<Messages>({ send: async () => undefined, connect: (name) => fake.connect(name, { id: ID, url: `${BASE}options.html` }) });
    const restored = await messenger.sendWithProgress('import-case', { file: '{"format":"casefile/case","version":1,"id":"tiny","title":"Tiny","people":[],"events":[],"sources":[]}' }, () => undefined);
    expect(restored.ok).toBe(true);
    const fromPage = fake.connect(LONG_WORK_PORT, { id: ID, url: 'https://news.example/story' });
    const heard: unknown[] = [];
    fromPage.onMessage.addListener((m) => heard.push(m));
    fromPage.postMessage({ message: { type: 'import-case', file: '{}' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual([]);
  });
});

describe('the keeper (Chrome\'s service worker)', () => {
  function fakeChrome(open: unknown[] = []) {
    const created: unknown[] = [];
    let onConnect: ((port: PortLike & { name: string; sender?: { url?: string } }) => void) | null = null;
    const api: KeeperApi = {
      offscreen: { createDocument: async (o) => { created.push(o); open.push(o); } },
      runtime: {
        getContexts: async () => open,
        getURL: (path) => `${BASE}${path.replace(/^\//, '')}`,
        onConnect: { addListener: (f) => { onConnect = f; } },
      },
    };
    const connect = (name: string, url = 'https://news.example/story') => {
      const pair = portPair(name, { url });
      onConnect!(pair.receiver);
      return pair.sender;
    };
    return { api, created, connect };
  }

  it('opens the host once, even when asked twice at once, and not when one is open', async () => {
    const { api, created } = fakeChrome();
    const ensure = hostKeeper(api);
    await Promise.all([ensure(), ensure()]);
    await ensure();
    expect(created).toEqual([expect.objectContaining({ url: HOST_PAGE, reasons: ['DOM_PARSER'] })]);
    const already = fakeChrome([{ documentUrl: HOST_PAGE }]);
    await hostKeeper(already.api)();
    expect(already.created).toEqual([]);
  });

  it('takes a racing worker\'s document for its own, and reports any other failure', async () => {
    const { api } = fakeChrome();
    await expect(hostKeeper({ ...api, offscreen: { createDocument: async () => { throw new Error('Only a single offscreen document may be created.'); } } })()).resolves.toBeUndefined();
    await expect(hostKeeper({ ...api, offscreen: { createDocument: async () => { throw new Error('quota'); } } })()).rejects.toThrow('quota');
  });

  it('answers a knock on the wake port once the host is open, leaves the host\'s ports alone, and relays the host\'s problems', async () => {
    const { api, created, connect } = fakeChrome();
    keepHost(api);
    const wake = connect(WAKE_PORT);
    const answer = await new Promise((resolve) => wake.onMessage.addListener(resolve));
    expect(answer).toEqual({ ready: true });
    expect(created).toHaveLength(1);
    const stray = connect(LONG_WORK_PORT);
    const heard: unknown[] = [];
    stray.onMessage.addListener((m) => heard.push(m));
    const gone = await new Promise<boolean>((resolve) => { stray.onDisconnect.addListener(() => resolve(true)); setTimeout(() => resolve(false), 50); });
    expect([gone, heard]).toEqual([false, []]); // the host's to answer, not the worker's
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    connect(LOG_PORT, `${BASE}offscreen.html`).postMessage({ level: 'error', text: 'Casefile: something broke' });
    connect(LOG_PORT, 'https://news.example/story').postMessage({ level: 'error', text: 'forged' });
    await new Promise((r) => setTimeout(r, 10));
    expect(error.mock.calls.map((c) => c[0])).toEqual(['Casefile: something broke']);
    error.mockRestore();
  });
});

describe('a sender\'s transport', () => {
  function fakeRuntime(answers: (() => Promise<unknown>)[], wake: 'ready' | 'fails' | 'nobody' = 'ready') {
    const sent: unknown[] = [];
    const knocks: string[] = [];
    const runtime: SenderRuntime = {
      sendMessage: async (m) => {
        sent.push(m);
        return answers.shift()!();
      },
      connect: ({ name }) => {
        knocks.push(name);
        const pair = portPair(name);
        if (wake === 'nobody') queueMicrotask(() => pair.receiver.disconnect());
        else pair.receiver.postMessage(wake === 'ready' ? { ready: true } : { error: 'quota' });
        return pair.sender;
      },
    };
    return { runtime, sent, knocks };
  }
  const nobody = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
  const answered = () => Promise.resolve({ ok: true, value: 1 });

  it.each([
    ['nobody received it', [nobody, answered], 2, [WAKE_PORT]],
    ['no listener answered', [() => Promise.reject(new Error('The message port closed before a response was received.')), answered], 2, [WAKE_PORT]],
    ['it was answered', [answered], 1, []],
  ])('when %s, knocks and sends once more only then', async (_case, answers, sends, knocks) => {
    const fake = fakeRuntime(answers);
    expect(await runtimeTransport(fake.runtime).send({ type: 'list-cases' })).toEqual({ ok: true, value: 1 });
    expect(fake.sent).toHaveLength(sends);
    expect(fake.knocks).toEqual(knocks);
  });

  it('never sends twice after another error (the receiver may have taken it)', async () => {
    const fake = fakeRuntime([() => Promise.reject(new Error('Extension context invalidated.'))]);
    await expect(runtimeTransport(fake.runtime).send({ type: 'set-decision' })).rejects.toThrow(/invalidated/);
    expect(fake.sent).toHaveLength(1);
  });

  it.each([['the worker cannot open the host', 'fails' as const, /quota/], ['nobody keeps a host', 'nobody' as const, /nobody keeps a host/]])('fails plainly when %s', async (_case, wake, message) => {
    const fake = fakeRuntime([nobody], wake);
    await expect(runtimeTransport(fake.runtime).send({ type: 'list-cases' })).rejects.toThrow(message);
    expect(fake.sent).toHaveLength(1);
  });
});
