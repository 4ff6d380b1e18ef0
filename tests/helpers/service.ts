/** Talking to the background service in unit tests, as the extension's pages and content scripts do. */
import type { CasefileService, MessageOrigin } from '../../lib/background/service';

/** A failure answer, as a test sees it. */
export interface Refusal {
  ok: false;
  code: string;
  message: string;
  problems: string[];
}

/** Send a message; its answer's value, or the failure thrown. */
export async function ask(service: CasefileService, message: object, origin: MessageOrigin = 'extension', pageUrl?: string): Promise<any> {
  const answer: any = await service.handle(message, origin, pageUrl);
  if (answer?.ok !== true) throw Object.assign(new Error(`${(message as { type?: string }).type}: ${answer?.message ?? JSON.stringify(answer)}`), { answer });
  return answer.value;
}

/** Send a message that must be refused; the failure. */
export async function refusal(service: CasefileService, message: object, origin: MessageOrigin = 'extension', pageUrl?: string): Promise<Refusal> {
  const answer: any = await service.handle(message, origin, pageUrl);
  if (answer?.ok !== false) throw new Error(`${(message as { type?: string }).type} was not refused: ${JSON.stringify(answer).slice(0, 300)}`);
  return { ok: false, code: answer.code, message: answer.message, problems: answer.problems ?? [] };
}
