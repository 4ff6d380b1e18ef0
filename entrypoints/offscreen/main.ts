// Chrome's offscreen document: the frame with a DOM parser where pages are analysed (see
// lib/analysis/host.ts). Never shown; created and kept by the background.
import { browser } from 'wxt/browser';
import { AnalysisHost } from '../../lib/analysis/host';

const host = new AnalysisHost(browser.runtime.id);
browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const answer = host.receive(message, sender);
  if (!answer) return false;
  answer.then(sendResponse);
  return true;
});
