// The host of Casefile's service (lib/background/host.ts): the one context that holds the
// database, the cases' indexes, the recognisers and a DOM parser, and answers every message —
// a page's check included — in one hop. Chrome opens this page as an offscreen document (its
// service worker keeps it open: lib/background/keeper.ts); Firefox runs it as its background page.
import { browser } from 'wxt/browser';
import { createAnalyser } from '../../lib/background/analyser';
import { listenForCommands } from '../../lib/background/commands';
import { hostService } from '../../lib/background/host';
import { relayProblems, warmUp } from '../../lib/background/host-life';
import { CasefileService } from '../../lib/background/service';
import { CasefileDB } from '../../lib/db/schema';

// Chrome shows the service worker's console, not this document's: problems are copied there.
if (!import.meta.env.FIREFOX) relayProblems(browser.runtime);
const service = new CasefileService(new CasefileDB(), createAnalyser());
hostService(browser.runtime, service);
// Firefox delivers the keyboard shortcuts here (Chrome, to its worker).
if (import.meta.env.FIREFOX) listenForCommands(browser);
warmUp(service);
// Ask the browser to keep this origin's data under storage pressure (cases, annotations, decisions).
navigator.storage?.persist?.().catch(() => undefined);
