import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import { FLAG_COMMANDS, onCommand } from '../../lib/background/commands';
import { senderAddress } from '../../lib/background/sender';
import { withoutCanonical } from '../../lib/extract/snapshot';
import type { PageState } from '../../lib/messaging/protocol';
import { GROWTH_CHARS, LATE_TEXT_MS, MAX_RECHECKS, MAX_REDRAWS, PageFollower } from '../../lib/page/follow';
import type { PageSession } from '../../lib/page/session';
import { DEFAULT_READING } from '../../lib/page/settings';
import { MAX_WAIT_MS, PageWatcher, QUIET_MS, type Changes } from '../../lib/page/watch';

const timers = {
  setTimeout: (h: () => void, ms: number) => setTimeout(h, ms) as unknown as number,
  clearTimeout: (id: number) => clearTimeout(id),
  setInterval: (h: () => void, ms: number) => setInterval(h, ms) as unknown as number,
  requestIdleCallback: (h: () => void) => setTimeout(h, 0) as unknown as number,
};

describe('the watcher', () => {
  let win: Window;
  let judged: Changes[];
  let watcher: PageWatcher;
  const settle = async (ms: number) => {
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(ms);
  };
  beforeEach(() => {
    vi.useFakeTimers();
    win = new Window({ url: 'https://news.example/a' });
    win.document.body.innerHTML = '<article><p>One.</p></article>';
    judged = [];
    watcher = new PageWatcher(win as unknown as globalThis.Window, timers, async (c) => void judged.push(c));
    watcher.start();
  });
  afterEach(() => {
    vi.useRealTimers();
    win.close();
  });

  it('judges the page once it has been quiet, once for a burst of changes', async () => {
    const p = win.document.querySelector('p')!;
    for (let i = 0; i < 5; i++) {
      p.textContent = `Change ${i}`;
      await settle(QUIET_MS / 3);
    }
    expect(judged).toEqual([]);
    await settle(QUIET_MS + 10);
    expect(judged).toEqual([{ dom: true, url: false }]);
  });

  it('judges a page that never stops changing every MAX_WAIT_MS', async () => {
    const p = win.document.querySelector('p')!;
    for (let t = 0; t < MAX_WAIT_MS + QUIET_MS; t += 100) {
      p.textContent = `Tick ${t}`;
      await settle(100);
    }
    expect(judged.length).toBe(1);
  });

  it('does not count the extension\'s own writes, nor its card, as the page changing', async () => {
    const p = win.document.querySelector('p')!;
    (p.firstChild as unknown as Text).splitText(2);
    watcher.forgetOwnWrites();
    win.document.body.append(win.document.createElement('casefile-card'));
    await settle(MAX_WAIT_MS * 2);
    expect(judged).toEqual([]);
  });

  it('sees the address change without a load, and ignores a jump within the page', async () => {
    win.history.pushState({}, '', '/a#section');
    await settle(MAX_WAIT_MS * 2);
    expect(judged).toEqual([]);
    win.history.pushState({}, '', '/b');
    await settle(MAX_WAIT_MS * 2);
    expect(judged).toEqual([{ dom: false, url: true }]);
  });

  it('stops watching the DOM when told, and with its context', async () => {
    watcher.stopDom();
    win.document.querySelector('p')!.textContent = 'Changed';
    await settle(MAX_WAIT_MS * 2);
    expect(judged).toEqual([]);
  });
});

/** A session as the follower sees it: its state, what changed, and what it was told. */
function fakeSession(state: Partial<PageState>, changes = { missing: [] as string[], textChanged: false }) {
  const calls: string[] = [];
  const session = {
    state: { status: 'checked', url: 'https://news.example/a', title: 'A', published: null, annotations: [], ...state } as PageState,
    mode: 'about-a-case',
    changes: () => changes,
    run: vi.fn(async (force: boolean) => { calls.push(`run${force ? ' forced' : ''}`); return session.state; }),
    navigated: () => calls.push('navigated'),
    markChanged: () => calls.push('changed'),
    giveUp: (ids: string[]) => calls.push(`gave up ${ids.join(',')}`),
    clear: (s: Partial<PageState>) => { calls.push(`clear ${s.status}`); session.state = { ...session.state, ...s } as PageState; },
  };
  return { session, calls, changes };
}

function follower(session: unknown, body = 'x'.repeat(1000)) {
  const win = new Window({ url: 'https://news.example/a' });
  win.document.body.textContent = body;
  const watched: string[] = [];
  const later: (() => void)[] = [];
  let now = 0;
  const f = new PageFollower(win.document as unknown as Document, session as PageSession, { watchDom: () => watched.push('dom'), stopDom: () => watched.push('stop') }, (h) => later.push(h), () => now);
  return { f, win, watched, later, advance: (ms: number) => { now += ms; } };
}

describe('following a page that changes', () => {
  it('draws highlights a page removed again, at most MAX_REDRAWS times, then lists them as no longer shown', async () => {
    const { session, calls } = fakeSession({}, { missing: ['f1', 'f2'], textChanged: false });
    const { f } = follower(session);
    await f.apply(DEFAULT_READING);
    calls.length = 0;
    for (let i = 0; i < MAX_REDRAWS; i++) await f.judge({ dom: true, url: false });
    expect(calls).toEqual(Array.from({ length: MAX_REDRAWS }, () => ['changed', 'run']).flat());
    await f.judge({ dom: true, url: false });
    expect(calls.at(-1)).toBe('gave up f1,f2');
  });

  it('checks a changed text again, at most MAX_RECHECKS times, then only says it changed', async () => {
    const { session, calls } = fakeSession({}, { missing: [], textChanged: true });
    const { f } = follower(session);
    await f.apply(DEFAULT_READING);
    calls.length = 0;
    for (let i = 0; i <= MAX_RECHECKS; i++) await f.judge({ dom: true, url: false });
    expect(calls.filter((c) => c === 'run').length).toBe(MAX_RECHECKS);
    expect(calls.at(-1)).toBe('changed');
  });

  it('does nothing when the page changed around the article, not in it', async () => {
    const { session, calls } = fakeSession({});
    const { f } = follower(session);
    await f.apply(DEFAULT_READING);
    calls.length = 0;
    await f.judge({ dom: true, url: false });
    expect(calls).toEqual([]);
  });

  it('reads a page afresh after a navigation, and watches its DOM again', async () => {
    const { session, calls } = fakeSession({});
    const { f, watched } = follower(session);
    await f.apply(DEFAULT_READING);
    calls.length = 0;
    await f.judge({ dom: false, url: true });
    expect(calls).toEqual(['navigated', 'run']);
    expect(watched.at(-1)).toBe('dom');
  });

  it('reads a page waiting for its text once the text has grown, until LATE_TEXT_MS; then it is not an article', async () => {
    const { session, calls } = fakeSession({ status: 'waiting' });
    const { f, win, watched, later, advance } = follower(session, 'Loading…');
    await f.apply(DEFAULT_READING);
    calls.length = 0;
    win.document.body.textContent = 'Loading… a little more';
    await f.judge({ dom: true, url: false });
    expect(calls).toEqual([]);
    win.document.body.textContent = 'x'.repeat(GROWTH_CHARS + 20);
    await f.judge({ dom: true, url: false });
    expect(calls).toEqual(['run']);
    advance(LATE_TEXT_MS + 1);
    later.forEach((h) => h());
    expect(session.state.status).toBe('not-article');
    expect(watched.at(-1)).toBe('stop');
  });

  it('follows the reader\'s settings: off takes every highlight away, on reads the page', async () => {
    const { session, calls } = fakeSession({});
    const { f } = follower(session);
    await f.apply({ ...DEFAULT_READING, offSites: ['news.example'] });
    expect(calls).toEqual(['clear off']);
    expect(session.state.message).toBe('Casefile is off on this site.');
    await f.judge({ dom: true, url: true });
    expect(calls).toEqual(['clear off']);
    await f.apply(DEFAULT_READING);
    expect(calls.at(-1)).toBe('run');
    await f.apply({ ...DEFAULT_READING, enabled: false });
    expect(session.state.message).toBe('Casefile is off.');
    await f.apply({ ...DEFAULT_READING, mode: 'everything' });
    expect(session.mode).toBe('everything');
    expect(calls.at(-1)).toBe('run');
  });
});

describe('the background\'s side of the shortcuts', () => {
  it.each(Object.entries(FLAG_COMMANDS))('%s tells the active tab to go to the %s flag', async (command, direction) => {
    const sent: unknown[] = [];
    await onCommand(command, { id: 7, windowId: 1 }, { toTab: async (id, m) => void sent.push([id, m]) });
    expect(sent).toEqual([[7, { type: 'focus-flag', direction }]]);
  });

  it('opens the side panel for the window, and ignores other commands and tabs without Casefile', async () => {
    const opened: number[] = [];
    await onCommand('open-side-panel', { id: 7, windowId: 3 }, { toTab: async () => undefined, openSidePanel: async (w) => void opened.push(w) });
    expect(opened).toEqual([3]);
    await expect(onCommand('next-flag', { id: 7 }, { toTab: async () => { throw new Error('no content script'); } })).resolves.toBeUndefined();
    await expect(onCommand('unknown', { id: 7 }, { toTab: async () => { throw new Error('not called'); } })).resolves.toBeUndefined();
  });
});

describe('the address a page speaks for', () => {
  it.each([
    [{ url: 'https://a.example/1', frameId: 0, tab: { url: 'https://a.example/2' } }, 'https://a.example/2'],
    [{ url: 'https://a.example/1', frameId: 0, tab: { url: 'https://b.example/2' } }, 'https://a.example/1'],
    [{ url: 'https://a.example/1', frameId: 3, tab: { url: 'https://a.example/2' } }, 'https://a.example/1'],
    [{ url: 'https://a.example/1', frameId: 0 }, 'https://a.example/1'],
    [{ frameId: 0, tab: { url: 'https://a.example/2' } }, undefined],
  ])('%j: %s', (sender, address) => {
    expect(senderAddress(sender)).toBe(address);
  });
});

describe('a canonical link left behind', () => {
  it('is taken out of the page\'s HTML, whatever its quoting', () => {
    const html = '<head><link rel="canonical" href="/a"><link rel=stylesheet href=s.css><LINK REL=\'alternate canonical\' HREF=\'/b\'></head>';
    expect(withoutCanonical(html)).toBe('<head><link rel=stylesheet href=s.css></head>');
  });
});
